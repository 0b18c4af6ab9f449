package io.github.rubric.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A rubric file as it is read, and as a compiled rubric keeps it. */
class RubricSourceTest {
    private static final String FILE = "// 某细则\r\n/*---\nid: x\ntitle: 标题：党员大会\n---*/\npackage x;\n\n"
            + "rule \"1 全年召开党员大会不少于4次\"\nwhen\nthen\nend\n";

    @Test
    void aCompiledRubricKeepsItsFileCompressedAndGivesItBackAsItWasRead() {
        // GIVEN
        RubricSource read = RubricSource.of("x.drl", FILE);

        // WHEN
        RubricSource.Kept kept = read.kept();
        RubricSource again = kept.source();

        // THEN the same file, header and fingerprint, byte for byte
        assertThat(kept.name()).isEqualTo("x.drl");
        assertThat(kept.sha256()).isEqualTo(read.sha256());
        assertThat(again).isEqualTo(read);
        assertThat(again.text()).isEqualTo(FILE);
        assertThat(again.header()).isEqualTo("id: x\ntitle: 标题：党员大会\n");
    }
}
