/**
 * Reports of a batch, for the committee that publishes results (公示) and files the score sheets.
 *
 * <p>Start at {@link io.github.rubric.report.Report}: {@code Report.of(batchResult)} ranks the batch and writes it
 * as JSON (one document, or JSON lines), CSV, an Excel workbook (a ranking sheet, a statistics sheet and one
 * score sheet per subject in the shape of the rubric's form) or a self-contained HTML page with inline SVG
 * charts. Every report, the workbook included, is byte for byte the same for the same inputs.
 *
 * <p>This module holds the dependency on Apache POI, so that systems that only score need only
 * {@code rubric-rules}.
 */
package io.github.rubric.report;
