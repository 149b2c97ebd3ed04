import type Database from 'better-sqlite3';
import type { Report } from '../../core/model.js';
import type { StoredAnalysis } from './story-repository.js';

/** Writes a story's report with what is searched beside it; shared by the story and the stream repositories. */
export type AnalysisWriter = (storyId: string, analysis: StoredAnalysis) => void;

/**
 * Prepares the writer of a story's report: the report itself, its fact statements (searchable) and the articles'
 * cleaned texts as the report read them (searchable). Call it inside a transaction.
 */
export function analysisWriter(db: Database.Database): AnalysisWriter {
  const updateArticleText = db.prepare('UPDATE articles SET title = ?, text = ? WHERE story_id = ? AND article_id = ?');
  const upsertReport = db.prepare(
    `INSERT INTO reports (story_id, schema_version, generated_at, report_json) VALUES (?, ?, ?, ?)
     ON CONFLICT (story_id) DO UPDATE SET schema_version = excluded.schema_version,
       generated_at = excluded.generated_at, report_json = excluded.report_json`,
  );
  const deleteFacts = db.prepare('DELETE FROM facts WHERE story_id = ?');
  const insertFact = db.prepare('INSERT INTO facts (story_id, fact_id, statement) VALUES (?, ?, ?)');
  return (storyId, analysis) => {
    const report: Report = analysis.report;
    for (const article of report.articles) {
      updateArticleText.run(article.title ?? '', article.text, storyId, article.id);
    }
    upsertReport.run(storyId, report.schemaVersion, analysis.generatedAt, JSON.stringify(report));
    deleteFacts.run(storyId);
    for (const fact of report.facts ?? []) insertFact.run(storyId, fact.id, fact.statement);
  };
}
