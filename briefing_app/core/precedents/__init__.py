"""Precedent finder: agreed language, references, operative phrases."""
