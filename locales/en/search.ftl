# The search page (/search). Messages with HTML are sentences with a link inside;
# their arguments are the site's own paths. `$query` is what was typed: it goes only
# into messages shown as plain text (escaped), never into a message with HTML.

search-title = Search
search-title-query = Search: { $query }
search-heading = Search
search-form-label = Search treatment options
search-shortened = Your search was long, so only its first { $max } characters were used.
search-examples = Type a word such as <a href="{ $search }?q=methadone">methadone</a>, <a href="{ $search }?q=pregnancy">pregnancy</a> or <a href="{ $search }?q=family">family</a>.
search-nothing = Nothing matched “{ $query }”.
search-nothing-try = Try a shorter or different word, or <a href="{ $browse }">browse all options</a>.
search-count = { $count ->
    [one] { $count } result
   *[other] { $count } results
} for “{ $query }”.
# Under a result whose page has no current translation (never shown in English).
search-in-english = For now, this page is in English only.

# The groups of items, as Category::heading() in src/content/mod.rs says them (a test
# holds them equal).
