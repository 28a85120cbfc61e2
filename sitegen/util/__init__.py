"""Small helpers every stage uses: caching, parallel work, progress, languages, Korean grammar."""
