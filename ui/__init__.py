"""The Gradio chat window."""
