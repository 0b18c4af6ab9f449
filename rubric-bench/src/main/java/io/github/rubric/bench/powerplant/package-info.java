/**
 * The benchmark for 动力厂党委2023年度党建工作目标责任制考评细则 (seed 002a): a generator of the plant's party branches
 * with a year of records, assessments and judgements, and a hand-written scorer of the same rubric (pooled 重点指标,
 * 累进 deductions, monthly and quarterly schedules, graded and discretionary items).
 */
package io.github.rubric.bench.powerplant;
