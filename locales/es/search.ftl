# La página de búsqueda (/es/search). Los mensajes con HTML son frases con un enlace
# dentro; sus argumentos son rutas del propio sitio. `$query` es lo que la persona
# escribió: va solo en mensajes de texto simple (escapados), nunca en uno con HTML.

search-title = Buscar
search-title-query = Búsqueda: { $query }
search-heading = Buscar
search-form-label = Buscar opciones de tratamiento
search-shortened = Su búsqueda era larga. Solo usamos sus primeros { $max } caracteres.
search-examples = Escriba una palabra, por ejemplo <a href="{ $search }?q=metadona">metadona</a>, <a href="{ $search }?q=embarazo">embarazo</a> o <a href="{ $search }?q=familia">familia</a>.
search-nothing = No encontramos nada para “{ $query }”.
search-nothing-try = Pruebe con una palabra más corta o diferente, o <a href="{ $browse }">vea todas las opciones</a>.
search-count = { $count ->
    [one] { $count } resultado
   *[other] { $count } resultados
} para “{ $query }”.
# Debajo de un resultado cuya página no tiene una traducción al día.
search-in-english = Por ahora, esta página está solo en inglés.
