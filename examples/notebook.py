# %% [markdown]
# # claimcheck in a notebook
#
# A notebook-style script: each `# %%` line starts a cell in VS Code, PyCharm or Jupytext.
# It can also run top to bottom: `.venv/bin/python examples/notebook.py`.
#
# The documents are invented for this example: a flash flood in southern Spain, reported
# by several made-up outlets over three days.

# %%
from pathlib import Path

import claimcheck
from claimcheck.io import read_documents

HERE = Path(__file__).parent if "__file__" in globals() else Path("examples")

# %% [markdown]
# ## Documents
#
# A `Document` is the text of one report plus where and when it was published. Build them
# in code, or read `.jsonl` / `.txt` files with `claimcheck.io.read_documents`, which also
# returns a diagnostic for every input it could not read.

# %%
morning = claimcheck.Document(
    id="bulletin-wed",
    source="Example Radio",
    published="2025-10-15T07:00:00+02:00",
    text=(
        "Morning bulletin\n"
        "Rescuers in Almería worked through the night after Tuesday's floods, and the city "
        "council said seven people had died in the city."
    ),
)

batch = read_documents([HERE / "flood-toll.jsonl", HERE / "txt"])
documents = [*batch.documents, morning]
print(f"{len(documents)} documents, {len(batch.diagnostics)} inputs rejected")

# %% [markdown]
# ## Claims in one document
#
# `claimcheck.extract` returns typed claims; each one points back into its text by
# character offsets.

# %%
for claim in claimcheck.extract(morning):
    print(f"{claim.text!r:28} {claim.qualifier:12} {claim.entity} {claim.measure} "
          f"@ {claim.location} on {claim.date} (speaker: {claim.speaker})")

# %% [markdown]
# ## Cross-checking all sources
#
# `claimcheck.check` extracts, aligns and judges. A `Policy` changes the rules, for
# instance a stricter tension threshold.

# %%
report = claimcheck.check(documents, policy=claimcheck.Policy(tension_threshold=0.05))
print(report.to_markdown())

# %% [markdown]
# ## As a table
#
# `report.to_frame()` needs the pandas extra (`pip install 'claimcheck[pandas]'`). In
# Jupyter, evaluating `report` alone renders it as HTML through `_repr_html_`.

# %%
try:
    frame = report.to_frame()
except claimcheck.ClaimcheckError as exc:  # pandas is not installed
    print(exc)
else:
    columns = ["doc", "text", "value", "qualifier", "entity", "measure", "location", "group",
               "verdict"]
    print(frame[frame["group"].notna()][columns].to_string(index=False))
