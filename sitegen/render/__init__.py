"""Stage 3: words and pictures: chart models and drawings, sentences, Jinja pages, topic pages, the feed."""
