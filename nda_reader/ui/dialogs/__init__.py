"""Small modal dialogs (text input)."""
