# Packed as sitecustomize.py by c/tests/test_launcher.sh: `site` imports it at
# every start, so it only acts when asked (os is already imported by site).
import os

if os.environ.get("SEAL_SITE_TEST"):
    import seal_app._speedups

    print("site:", seal_app._speedups.add(3, 4))
