"""The translation memory: approved sentences and items, found again when the same text comes back."""
