package io.github.rubric.model.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.github.rubric.model.InvalidValueException;
import io.github.rubric.model.fact.Organization;
import io.github.rubric.model.fact.OrganizationType;
import io.github.rubric.model.fact.Person;
import io.github.rubric.model.fact.Role;
import org.junit.jupiter.api.Test;

/** A scorecard records who was assessed by kind, id, name and type. */
class SubjectRefTest {

    @Test
    void refersToAnOrganizationByItsType() {
        // GIVEN
        Organization branch = new Organization("b1", "测试党支部", OrganizationType.PARTY_BRANCH, 12);

        // WHEN
        SubjectRef ref = SubjectRef.of(branch);

        // THEN
        assertThat(ref).isEqualTo(new SubjectRef("organization", "b1", "测试党支部", "PARTY_BRANCH"));
    }

    @Test
    void refersToAPersonByTheirRole() {
        // GIVEN
        Person staff = new Person("jsj-012", "王敏", Role.LEADER, "宣传教育科");

        // WHEN
        SubjectRef ref = SubjectRef.of(staff);

        // THEN
        assertThat(ref).isEqualTo(new SubjectRef("person", "jsj-012", "王敏", "LEADER"));
    }

    @Test
    void refusesABlankField() {
        // GIVEN / WHEN / THEN
        assertThatExceptionOfType(InvalidValueException.class)
                .isThrownBy(() -> new SubjectRef("organization", "b1", " ", "PARTY_BRANCH"))
                .extracting(InvalidValueException::field).isEqualTo("name");
    }
}
