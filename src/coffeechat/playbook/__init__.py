"""The rules of PLAYBOOK.md as plain, pure Python (no Django imports here)."""
