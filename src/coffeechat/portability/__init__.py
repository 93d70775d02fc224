"""Data in and out: imports (LinkedIn, Google, vCard, our JSON), exports, backup, restore."""
