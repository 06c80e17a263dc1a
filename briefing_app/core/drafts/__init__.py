"""Drafts: Markdown files with a front-matter block, owned by the user."""
