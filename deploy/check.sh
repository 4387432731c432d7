#!/usr/bin/env bash
# Checks the deployment files without a cluster: shell syntax of the Slurm scripts, the manifests
# against the Kubernetes API schemas (types, enums, required fields and misspelled keys, offline,
# with the npm package kubernetes-models), the sweep file embedded in the Job, and that the shard
# count, image and volume agree across the files.
set -euo pipefail
cd "$(dirname "$0")"

for script in slurm/*.sbatch; do
  bash -n "$script"
done

# The schemas (kubernetes-models) and a YAML reader (js-yaml), installed once into the user cache,
# never into the repository.
models="${XDG_CACHE_HOME:-$HOME/.cache}/gankit/kubernetes-models-5.1.0"
if [[ ! -e $models/node_modules/kubernetes-models/package.json || ! -e $models/node_modules/js-yaml/package.json ]]; then
  mkdir -p "$models"
  npm install --prefix "$models" --no-audit --no-fund --no-save --silent kubernetes-models@5.1.0 js-yaml@4.1.0 >/dev/null
fi

documents=$(mktemp)
trap 'rm -f "$documents" "$documents.bad" "$documents.err"' EXIT
files=(kubernetes/shared-volume.yaml kubernetes/sweep-job.yaml kubernetes/report-job.yaml)
NODE_PATH="$models/node_modules" node -e '
const yaml = require("js-yaml"), fs = require("fs");
const docs = [];
for (const file of process.argv.slice(1)) {
  const found = yaml.loadAll(fs.readFileSync(file, "utf8")).filter((d) => d != null);
  if (found.length === 0) throw new Error(`${file}: no documents`);
  docs.push(...found.map((document) => ({ file, document })));
}
process.stdout.write(JSON.stringify(docs));' "${files[@]}" >"$documents"
python3 - "$documents" <<'PY'
import json, sys
docs = json.load(open(sys.argv[1]))

by_kind = {(d["document"]["kind"], d["document"]["metadata"]["name"]): d["document"] for d in docs}
config = by_kind[("ConfigMap", "gankit-sweep")]
json.loads(config["data"]["sweep.json"])
job = by_kind[("Job", "gankit-sweep")]
report = by_kind[("Job", "gankit-sweep-report")]
spec = job["spec"]
assert spec["completionMode"] == "Indexed", "the Job must be Indexed so each pod gets JOB_COMPLETION_INDEX"
assert spec["template"]["spec"]["restartPolicy"] == "Never", "podFailurePolicy needs restartPolicy: Never"
worker = spec["template"]["spec"]["containers"][0]
env = {e["name"]: e["value"] for e in worker["env"]}
assert int(env["SWEEP_SHARD_COUNT"]) == spec["completions"], "SWEEP_SHARD_COUNT must equal completions"
reporter = report["spec"]["template"]["spec"]["containers"][0]
assert reporter["image"] == worker["image"], "the report Job must use the sweep Job's image"
out = worker["args"][worker["args"].index("--out") + 1]
assert reporter["args"][-1] == out, f"the report Job must read the sweep folder {out}"
claim = by_kind[("PersistentVolumeClaim", "gankit-shared")]
assert claim["spec"]["accessModes"] == ["ReadWriteMany"], "every pod mounts the volume: it must be ReadWriteMany"
for name, pod in [("gankit-sweep", spec), ("gankit-sweep-report", report["spec"])]:
    claims = [v["persistentVolumeClaim"]["claimName"] for v in pod["template"]["spec"]["volumes"] if "persistentVolumeClaim" in v]
    assert claims == ["gankit-shared"], f"{name} must mount the claim gankit-shared"
PY
node check-manifests.mjs "$models" <"$documents"
# The key check must bite: the same Job with one misspelled field is rejected.
python3 - "$documents" <<'PY' >"$documents.bad"
import json, sys
docs = json.load(open(sys.argv[1]))
job = next(d for d in docs if d["document"]["kind"] == "Job")
job["document"]["spec"]["template"]["spec"]["containers"][0]["imagePulPolicy"] = "Always"
json.dump([job], sys.stdout)
PY
if node check-manifests.mjs "$models" <"$documents.bad" 2>"$documents.err"; then
  echo "check-manifests.mjs accepted a misspelled key (imagePulPolicy)" >&2
  exit 1
fi
grep -q 'containers\[0\].imagePulPolicy: no such field' "$documents.err"
echo "deploy files OK"
