"""wordfreq [TEXT...]: prints the most frequent words of its arguments (or stdin)."""
import sqlite3
import sys

from wordfreq._count import count_words


def main():
    text = " ".join(sys.argv[1:]) if len(sys.argv) > 1 else sys.stdin.read()
    db = sqlite3.connect(":memory:")
    db.execute("create table words (word text primary key, n integer)")
    db.executemany("insert into words values (?, ?)", count_words(text).items())
    for word, n in db.execute("select word, n from words order by n desc, word limit 5"):
        print(f"{n:4d} {word}")
    built_in = "wordfreq._count" in sys.builtin_module_names
    print(f"(counted by wordfreq._count, built into this executable: {built_in})")
    return 0
