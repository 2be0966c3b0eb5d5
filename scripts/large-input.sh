#!/usr/bin/env bash
# Large-input check (run by .ci/run too): the release binary extracts large documents of each
# kind — prose (text, Markdown, HTML, JATS), a figure-dense document, a single 3 MB sentence of
# figures, 100 MB of `%` with no sentence end, tables of a million rows and a DOCX of two 48 MiB
# parts — under an address-space cap (it fails if the
# cap is passed), and its peak resident memory must stay under 3 × the input plus the memory of
# a run on four sentences of figures (the program, and a stretch in flight per thread). Prints
# time, peak and peak per input byte for each.
# Usage: scripts/large-input.sh [MEMORY_LIMIT_BYTES]   (default 2 GiB; CLAIMLINT=path measures another build)
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${1:-2147483648}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet
python3 - "$work" ../shared/corpus/iot-china-policy-paper.txt <<'PY'
import html, os, random, sys
work, paper = sys.argv[1], sys.argv[2]
random.seed(1)
if os.path.exists(paper):
    prose = open(paper, encoding='utf-8').read()
else:
    # Without ../shared: prose of our own words, figures at the density of a policy paper.
    words = ['the', 'port', 'handled', 'ships', 'and', 'cranes', 'in', 'a', 'year', 'of', 'trade']
    prose = '\n\n'.join(' '.join(random.choice(words) for _ in range(60)) + f' about {i % 90} percent.'
                        for i in range(300))
copies = (96 * 1024 * 1024) // len(prose.encode()) + 1
body = '\n\n'.join([prose] * copies)
paragraphs = [p for p in body.split('\n\n') if p.strip()]
open(f'{work}/prose.txt', 'w').write(body)
open(f'{work}/prose.md', 'w').write(body)
open(f'{work}/prose.html', 'w').write(
    '<html><body>' + ''.join(f'<p>{html.escape(p)}</p>\n' for p in paragraphs) + '</body></html>')
open(f'{work}/prose.xml', 'w').write(
    '<?xml version="1.0"?><article><front><article-meta><title-group><article-title>Prose'
    '</article-title></title-group></article-meta></front><body><sec><title>Body</title>'
    + ''.join(f'<p>{html.escape(p)}</p>\n' for p in paragraphs) + '</sec></body></article>')
choices = ['about 5 percent', 'e.g. Ten', '12 km', 'USD 4 million', 'in 2020', 'First',
           'the number of units is 7', 'Fig. 3', 'one in five', 'No. 4 x']
# One sentence of 200,000 figure phrases (3 MB): the worst case for a sentence's tokens.
open(f'{work}/sentence.txt', 'w').write('Title\n\n' + ' and '.join(random.choice(choices) for _ in range(200000)) + '\n')
# Figure-dense prose: about one figure every 12 bytes, 40 MB.
phrases = ['about 5 percent', '12 km', 'USD 4 million', 'in 2020', 'one in five', '37.5%', '1,200 homes']
sentences = (' and '.join(random.choice(phrases) for _ in range(8)) + '.' for _ in range(360000))
open(f'{work}/figures.txt', 'w').write('Figures\n\n' + ' '.join(sentences) + '\n')
# Dense punctuation: 100 MB with no sentence end (it aborted at 3 GiB when a sentence's tokens
# were held whole; sentences are now cut at 16 KiB).
open(f'{work}/percent.txt', 'w').write('%' * (100 * 1024 * 1024))
# Tables of a million rows of two small cells (the densest tables): cells past the document's
# limit (`table_cells`, 50,000) are left out, the Markdown rows before the parser builds its
# tree of them (they took 45 x their size when every cell was read).
with open(f'{work}/table.md', 'w') as out:
    out.write('# Depots\n\n| Depot | Buses |\n| --- | --- |\n')
    out.writelines(f'| d{i % 97} | {i % 1000} |\n' for i in range(1000000))
with open(f'{work}/table.html', 'w') as out:
    out.write('<html><body><p>Depots.</p><table><tr><th>Depot</th><th>Buses</th></tr>\n')
    out.writelines(f'<tr><td>d{i % 97}</td><td>{i % 1000}</td></tr>\n' for i in range(1000000))
    out.write('</table></body></html>\n')
# A DOCX of two parts of about 48 MiB each (body and footnotes, inside the limits of 64 MiB a
# part and 200:1): each part is laid out paragraph by paragraph and dropped before the next is
# inflated. Its size for the ratio is the XML inflated, since the text alone outgrows a
# compressed file three times over.
import zipfile
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
def word_paragraphs(limit):
    out, size = [], 0
    while size < limit:
        for p in paragraphs:
            piece = f'<w:p><w:r><w:t xml:space="preserve">{html.escape(p)}</w:t></w:r></w:p>'
            out.append(piece)
            size += len(piece.encode())
            if size >= limit:
                break
    return ''.join(out)
body = word_paragraphs(48 * 1024 * 1024)
with zipfile.ZipFile(f'{work}/two-parts.docx', 'w', zipfile.ZIP_DEFLATED) as z:
    z.writestr('word/document.xml', f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>')
    z.writestr('word/footnotes.xml', f'<?xml version="1.0"?><w:footnotes {W}><w:footnote w:id="1">{body}</w:footnote></w:footnotes>')
del body
# The constant: what a run holds whatever its input's size: the program, and one stretch of
# figures in flight per thread (stretches are cut at 2,048 digits, so two threads each hold one
# dense sentence of figures at most).
open(f'{work}/constant.txt', 'w').write('Title\n\n' + ''.join(' and '.join(random.choice(choices) for _ in range(1200)) + '.\n\n' for _ in range(4)))
PY
python3 - "$work" "$limit" <<'PY'
import os, resource, subprocess, sys, time, zipfile
work, limit = sys.argv[1], int(sys.argv[2])
exe = os.path.abspath(os.environ.get('CLAIMLINT', 'target/release/claimlint'))

def run(path):
    """Time and peak resident bytes of one extract run in a fresh child process."""
    code = ("import resource, subprocess, sys\n"
            "r = subprocess.run(['prlimit', f'--as={sys.argv[3]}', sys.argv[1], 'extract', sys.argv[2],"
            " '--format', 'csv'], stdout=subprocess.DEVNULL)\n"
            "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    start = time.monotonic()
    out = subprocess.run([sys.executable, '-c', code, exe, path, str(limit)],
                         capture_output=True, text=True, check=True).stdout.split()
    return int(out[0]), time.monotonic() - start, int(out[1]) * 1024

code, _, base = run(os.path.join(work, 'constant.txt'))
print(f'four sentences of figures: peak {base / 2**20:.0f} MiB (the constant)')
failed = False
for name in ['prose.txt', 'prose.md', 'prose.html', 'prose.xml', 'figures.txt', 'sentence.txt', 'percent.txt',
             'table.md', 'table.html', 'two-parts.docx']:
    path = os.path.join(work, name)
    size = os.path.getsize(path)
    if name.endswith('.docx'):
        size = sum(info.file_size for info in zipfile.ZipFile(path).infolist())
    code, seconds, peak = run(path)
    ratio = (peak - base) / size
    verdict = 'ok' if code == 0 and ratio < 3 else 'FAIL'
    failed |= verdict != 'ok'
    print(f'{name}: {size / 2**20:.0f} MiB, {seconds:.1f} s, peak {peak / 2**20:.0f} MiB, '
          f'{ratio:.2f} x the input above the constant, exit {code}: {verdict}')
sys.exit(1 if failed else 0)
PY
