import type Database from 'better-sqlite3';
import { splitArticle, type LightReport } from '../../core/light-report.js';
import type { Report } from '../../core/model.js';
import { storyDigest } from '../../core/story-digest.js';
import type { StoredAnalysis } from './story-repository.js';

/** Writes a story's report with what is searched beside it; shared by the story and the stream repositories. */
export type AnalysisWriter = (storyId: string, analysis: StoredAnalysis) => void;

/** The statements that write what is kept beside a report: its views for the list and the page, and the texts. */
function viewWriter(db: Database.Database): (storyId: string, report: Report) => void {
  const updateArticleText = db.prepare(
    'UPDATE articles SET title = ?, text = ?, text_layout_json = ? WHERE story_id = ? AND article_id = ?',
  );
  const updateDigest = db.prepare('UPDATE stories SET digest_json = ? WHERE id = ?');
  const upsertLight = db.prepare(
    `INSERT INTO light_reports (story_id, report_json) VALUES (?, ?)
     ON CONFLICT (story_id) DO UPDATE SET report_json = excluded.report_json`,
  );
  return (storyId, report) => {
    const light: LightReport = { ...report, articles: [] };
    for (const article of report.articles) {
      const { light: rest, text } = splitArticle(article);
      light.articles.push(rest);
      const { text: cleaned, ...layout } = text;
      updateArticleText.run(article.title ?? '', cleaned, JSON.stringify(layout), storyId, article.id);
    }
    updateDigest.run(JSON.stringify(storyDigest(report)), storyId);
    upsertLight.run(storyId, JSON.stringify(light));
  };
}

/**
 * Prepares the writer of a story's report: the report itself, its fact statements (searchable), the articles'
 * cleaned texts as the report read them (searchable, and served one at a time with their layout), and the report's
 * views: the digest a story list shows and the report without article texts. Call it inside a transaction.
 */
export function analysisWriter(db: Database.Database): AnalysisWriter {
  const upsertReport = db.prepare(
    `INSERT INTO reports (story_id, schema_version, generated_at, report_json) VALUES (?, ?, ?, ?)
     ON CONFLICT (story_id) DO UPDATE SET schema_version = excluded.schema_version,
       generated_at = excluded.generated_at, report_json = excluded.report_json`,
  );
  const deleteFacts = db.prepare('DELETE FROM facts WHERE story_id = ?');
  const insertFact = db.prepare('INSERT INTO facts (story_id, fact_id, statement) VALUES (?, ?, ?)');
  const writeViews = viewWriter(db);
  return (storyId, analysis) => {
    const report: Report = analysis.report;
    writeViews(storyId, report);
    upsertReport.run(storyId, report.schemaVersion, analysis.generatedAt, JSON.stringify(report));
    deleteFacts.run(storyId);
    for (const fact of report.facts ?? []) insertFact.run(storyId, fact.id, fact.statement);
  };
}

/**
 * Writes the views of every stored report (migration 3: libraries written before the views existed), reading each
 * report once. Runs inside the migration's transaction; a report that cannot be read is left without views.
 */
export function backfillReportViews(db: Database.Database): void {
  const writeViews = viewWriter(db);
  const ids = db.prepare<[], { story_id: string }>('SELECT story_id FROM reports ORDER BY story_id').all();
  const read = db.prepare<[string], { report_json: string }>('SELECT report_json FROM reports WHERE story_id = ?');
  // A savepoint per story: a report that cannot be read leaves nothing half written.
  const writeOne = db.transaction((id: string, report: Report) => writeViews(id, report));
  for (const { story_id: id } of ids) {
    try {
      writeOne(id, JSON.parse(read.get(id)?.report_json ?? 'null') as Report);
    } catch {
      // No views for it (the story is listed without them); the others go on.
    }
  }
}
