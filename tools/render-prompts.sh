#!/bin/sh
# Renders the audio of every seeded text (the menu nodes and system prompts of
# src/main/resources/seed/menu.json, and the spoken scripts of every procedure and agency of
# src/main/resources/seed/catalog.json; the sources are listed in speech.SeededTexts, a test class)
# with espeak-ng, from scratch, through the service's own rendering code
# (speech.EspeakSynthesizer: Vietnamese normaliser, espeak-ng, 8 kHz resampling, silence trim),
# into src/main/resources/prompts/shipped/<text-hash>.ulaw plus index.json, removing stale files.
#
# The service ships these files so that a machine without espeak-ng still answers with speech;
# espeak-ng is only needed there to render new or edited texts. Run this after changing a text in
# seed/menu.json or seed/catalog.json, the wording of catalog.CatalogScripts or the normaliser
# (ShippedPromptsTest fails until you do), then commit the folder. It prints the time taken and
# the size of the folder (µ-law, 8 kB per second of speech).
#
# Needs: espeak-ng with the Vietnamese voices (Debian/Ubuntu: apt-get install espeak-ng), and the
# Maven dependencies already downloaded (it runs Maven offline). Renders with the default voice
# (vi-vn-x-south) and speed (150 wpm) of hotline.tts.*: the text hash covers the voice and the
# normalised text.
set -eu
cd "$(dirname "$0")/.."
command -v espeak-ng >/dev/null 2>&1 || { echo "espeak-ng is not installed (apt-get install espeak-ng)" >&2; exit 1; }
./mvnw -B -o -q test -Dtest=ShippedPromptsRenderer -Drender.prompts=true -Dsurefire.failIfNoSpecifiedTests=false
echo "Rendered into src/main/resources/prompts/shipped:"
ls -l src/main/resources/prompts/shipped
