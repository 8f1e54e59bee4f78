"""The gate process and its rules: plain Python, no Qt, no SQLite."""
