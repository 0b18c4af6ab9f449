/**
 * The {@code rubric} command line: {@link io.github.rubric.cli.Main}.
 */
package io.github.rubric.cli;
