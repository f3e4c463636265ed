# La página de líneas de ayuda (/helplines) y la de encontrar atención (/find-care),
# y los nombres de lugares (place-…), que otras páginas también pueden usar.

## Lugares

place-country-us = Estados Unidos
place-country-ca = Canadá
place-province-ab = Alberta
place-province-bc = Columbia Británica
place-province-mb = Manitoba
place-province-nb = Nuevo Brunswick
place-province-nl = Terranova y Labrador
place-province-nt = Territorios del Noroeste
place-province-ns = Nueva Escocia
place-province-nu = Nunavut
place-province-on = Ontario
place-province-pe = Isla del Príncipe Eduardo
place-province-qc = Quebec
place-province-sk = Saskatchewan
place-province-yt = Yukón
place-countries = Países
place-country = País
place-choose-country = Elija un país
place-province = Provincia o territorio
place-choose-province = Elija una provincia o un territorio
place-none-chosen = Ninguna
place-show = Mostrar
place-nothing-stored = No se guarda nada: lo que elige solo queda en la dirección de esta página.

## Líneas de ayuda

helplines-title = Líneas de ayuda
helplines-heading = Líneas de ayuda
helplines-lead = Ayuda gratuita y confidencial por teléfono o por mensaje de texto. No tiene que dar su nombre.
helplines-province-label = ¿Está en Canadá? Vea primero las líneas de su provincia:
helplines-province-lines = Líneas para quienes viven en { $province }.
helplines-for-all-of = Para todo { $country }
helplines-no-province-line = Todavía no tenemos aquí una línea propia de { $province }. Las líneas para todo Canadá, más abajo, también son para usted. En la mayoría de las provincias y territorios, al llamar al 811 le atiende una enfermera que puede informarle sobre servicios cerca de usted.
helplines-other-provinces = Otras provincias y territorios
helplines-by-province = Por provincia o territorio
helplines-provinces-intro = Estas líneas son para quienes viven en una provincia o un territorio.
helplines-national-above = Las líneas para todo { $country } están más arriba.
helplines-national-serve-all = Las líneas de más arriba sirven para todo { $country }.
helplines-find-care = ¿Busca un programa de tratamiento y no una línea a la que llamar? <a href="{ $href }">Encuentre atención cerca de usted</a>: directorios de programas en los dos países.
helplines-call = Llamar
helplines-text = Mensaje de texto
helplines-tty = TTY
helplines-web = Sitio web
helplines-hours = Horario
helplines-languages = Idiomas
helplines-source = Fuente:
helplines-speaks = Atiende en español:
helplines-in-language = En español:
helplines-in-language-source = Dónde se indica:
helplines-untranslated = Esta línea se muestra en inglés porque su traducción no está al día.
helplines-speaking-heading = Líneas que atienden en español
helplines-speaking-intro = Estas líneas tienen atención en español. En cada una verá cómo pedirla.
helplines-speaking-others = En cada línea de esta página le decimos lo que sabemos sobre la atención en español.

## Encontrar atención

care-title = Encontrar atención cerca de usted
care-description = Dónde encontrar un programa de tratamiento para la adicción a los opioides cerca de usted, en Estados Unidos y en Canadá: directorios oficiales, los filtros que conviene elegir y las líneas locales a las que puede llamar.
care-heading = Encontrar atención cerca de usted
care-lead = Directorios oficiales y líneas telefónicas gratuitas que conocen los programas de tratamiento cerca de donde usted vive, en Estados Unidos y en Canadá.
care-privacy = Este sitio no le pregunta dónde está, no guarda nada sobre usted y no envía nada a los servicios de abajo: los enlaces son enlaces simples, y lo que escriba en esos sitios queda entre usted y ellos.
care-show-first = Ver primero la parte de mi país o provincia

care-ca-intro = En Canadá, cada provincia y territorio organiza su propio tratamiento: no hay un solo directorio nacional. Cada línea de abajo busca programas en la provincia o el territorio al que pertenece.
care-ca-no-province-line = Todavía no tenemos aquí una línea propia de { $province }: llame al 811 (vea más abajo) o a una de las líneas para todo Canadá que están en <a href="{ $href }">Líneas de ayuda</a>.
care-call = llamar
care-text = mensaje de texto
care-website = sitio web
care-raam-heading = Clínicas de adicción sin cita y el 811
care-raam = Muchas provincias tienen clínicas de acceso rápido a medicina de adicciones (RAAM, por sus siglas en inglés): clínicas a las que puede ir sin cita y sin que un médico lo refiera. Pueden empezar un medicamento como la buprenorfina, a menudo en uno o dos días. La línea de su provincia puede decirle dónde está la más cercana.
care-811 = En la mayoría de las provincias y territorios, al llamar al 811 le atiende una enfermera, gratis y a cualquier hora. La enfermera puede responder preguntas de salud e informarle sobre servicios cerca de usted, incluida la atención de la adicción.

care-findtreatment-intro = La lista gratuita y confidencial del gobierno federal de programas de tratamiento con licencia del estado. La administra SAMHSA, la agencia federal de salud mental y consumo de sustancias. Allí escriba un código postal (ZIP), una ciudad o una dirección, y luego reduzca la lista con los filtros. Los que más importan para la adicción a los opioides:
care-filter-names = Los filtros se nombran como en la versión en inglés de FindTreatment.gov.
care-filter-otp = las clínicas que pueden dar metadona para la adicción a los opioides
care-filter-buprenorphine = programas que la recetan
care-filter-naltrexone = programas que dan la inyección mensual o las tabletas
care-filter-setting = vivir en el programa, ir varios días por semana o ir a consultas regulares
care-filter-pregnant = programas para el embarazo y los meses después del parto
care-filter-payment = programas que aceptan Medicaid o que cobran según los ingresos
care-filter-spanish = personal que habla español
care-open-findtreatment = Abrir FindTreatment.gov
care-listings-out-of-date = La información de la lista puede no estar al día. Llame antes de ir y pregunte si tienen lugar ahora y si empiezan el tratamiento con medicamentos.
care-otp-heading = Programas de tratamiento de opioides (clínicas de metadona)
care-otp-text = En Estados Unidos, la metadona para la adicción a los opioides solo la dan los programas de tratamiento de opioides certificados (OTP, por sus siglas en inglés). SAMHSA los enumera todos, estado por estado, con sus números de teléfono.
care-otp-link = Directorio de programas de tratamiento de opioides de SAMHSA (Opioid Treatment Program Directory)
care-samhsa-heading = ¿Prefiere hablar con alguien?
care-samhsa-text = La Línea Nacional de Ayuda de SAMHSA busca programas cerca de usted por teléfono: gratis, confidencial, de día y de noche, en inglés y en español. Llame al <a class="dial" href="tel:+18006624357">1-800-662-4357</a>.
care-before-you-call = Antes de llamar a un programa, vea <a href="{ $questions }">las preguntas que conviene hacerle a un programa</a> y <a href="{ $signs }">las señales de una buena atención</a>.
care-every-line = Todas las líneas a las que puede llamar, incluidas las líneas de crisis: <a href="{ $href }">Líneas de ayuda</a>.
