/**
 * What changed between two versions of a response, field by field. Insertions and
 * deletions are <ins> and <del>, underlined and struck through (not colour alone), and
 * announced to screen readers as "Tillagt:" and "Borttaget:".
 */
import type { FieldDiff } from "~/lib/response-versions";

const CHANGE_NOTE: Record<FieldDiff["change"], string> = { changed: "", added: " (nytt)", removed: " (borttaget)" };

export function VersionDiff({ diffs, headingLevel = 3 }: { diffs: FieldDiff[]; headingLevel?: 3 | 4 }) {
  if (diffs.length === 0) return <p className="muted">Versionerna har samma text.</p>;
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="version-diff">
      {diffs.map((diff, i) => (
        <section key={i} className="version-diff-field" aria-labelledby={`diff-${headingLevel}-${i}`}>
          <Heading id={`diff-${headingLevel}-${i}`}>{diff.label}{CHANGE_NOTE[diff.change]}</Heading>
          <p className="version-diff-text">
            {diff.parts.map((part, j) =>
              part.kind === "added" ? (
                <ins key={j}><span className="visually-hidden">[Tillagt: </span>{part.text}<span className="visually-hidden">]</span></ins>
              ) : part.kind === "removed" ? (
                <del key={j}><span className="visually-hidden">[Borttaget: </span>{part.text}<span className="visually-hidden">]</span></del>
              ) : (
                <span key={j}>{part.text}</span>
              ),
            )}
          </p>
        </section>
      ))}
    </div>
  );
}
