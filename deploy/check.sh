#!/usr/bin/env bash
# Checks the deployment files without a cluster: shell syntax of the Slurm script, YAML syntax of
# the manifests, the sweep file embedded in the Job, and that the Job's shard count matches.
set -euo pipefail
cd "$(dirname "$0")"
bash -n slurm/sweep.sbatch
python3 - <<'PY'
import json, yaml
for path in ["kubernetes/sweep-job.yaml", "kubernetes/shared-volume.yaml"]:
    docs = [d for d in yaml.safe_load_all(open(path)) if d is not None]
    assert docs, f"{path}: no documents"
    for d in docs:
        assert d.get("apiVersion") and d.get("kind") and d["metadata"].get("name"), f"{path}: apiVersion, kind and metadata.name are required"
job_docs = list(yaml.safe_load_all(open("kubernetes/sweep-job.yaml")))
config = next(d for d in job_docs if d["kind"] == "ConfigMap")
json.loads(config["data"]["sweep.json"])
job = next(d for d in job_docs if d["kind"] == "Job")
spec = job["spec"]
assert spec["completionMode"] == "Indexed", "the Job must be Indexed so each pod gets JOB_COMPLETION_INDEX"
env = {e["name"]: e["value"] for e in spec["template"]["spec"]["containers"][0]["env"]}
assert int(env["SWEEP_SHARD_COUNT"]) == spec["completions"], "SWEEP_SHARD_COUNT must equal completions"
print("deploy files OK")
PY
