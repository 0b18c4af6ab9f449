/**
 * The benchmark for 社会事业局党工委直属党组织工作目标责任制考核细则 (seed 000): a generator of branches with a year of
 * records, and a hand-written scorer of the same rubric.
 */
package io.github.rubric.bench.socialaffairs;
