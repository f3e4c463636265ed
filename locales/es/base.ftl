# La plantilla de todas las páginas: encabezado, franja de emergencia, pie.
# Los mensajes con HTML son frases con un enlace dentro; sus argumentos son
# rutas del propio sitio.

site-name = Treatment Navigator
site-description = Información clara y con fuentes sobre el tratamiento de la adicción a la heroína y a otros opioides.
skip-to-content = Ir al contenido principal
offer-this-page = Lea esta página en español
nav-label = Principal
nav-options = Opciones
nav-compare = Comparar
nav-questionnaire = Cuestionario
nav-helplines = Líneas de ayuda
search-label = Buscar en el sitio
search-placeholder = Buscar, p. ej. metadona
search-button = Buscar

emergency-label = Ayuda de emergencia
emergency-danger = <strong>¿Hay peligro ahora?</strong> <a class="emergency-call" href="tel:911">Llame al 911</a>
emergency-overdose = Posible sobredosis: <a href="{ $href }#what-to-do-right-now">dé naloxona</a> y llame al 911
emergency-lines = Gratis, 24/7: <span class="emergency-us">EE. UU. <a href="tel:+18006624357">1-800-662-4357</a> (en español)</span> <span class="emergency-ca">Canadá <a href="tel:988">9-8-8</a>, llamada o texto</span>

footer-not-advice = <strong>Información, no consejo médico.</strong> Hable con un médico, una enfermera o un programa de tratamiento sobre lo que conviene a usted o a su familiar. En una emergencia, llame al 911.
footer-privacy = Sin cuentas, sin cookies, sin seguimiento: nada de lo que lee aquí queda registrado sobre usted. <a href="{ $rules }">Cómo se deciden las sugerencias del cuestionario</a>. Para profesionales de la salud: <a href="{ $cows }">la escala de abstinencia COWS</a>.
