import { Link } from "@remix-run/react";
import { describeLatestImport, type ImportRunSummary } from "~/lib/import-runs";

/** The secretariat's one line on /remisser: does the import from Riksdagen work? */
export function LatestImport({ run }: { run: ImportRunSummary | null }) {
  return (
    <p className={run?.status === "FAILED" ? "latest-import latest-import-failed" : "latest-import muted"}>
      {describeLatestImport(run)} <Link to="/admin/importer">Alla importer</Link>
    </p>
  );
}
