# Las páginas de contenido: inicio, opciones de tratamiento, cada tema, la comparación.
# Los mensajes con HTML son frases con un enlace dentro; sus argumentos son rutas
# del propio sitio, o HTML que la aplicación arma con el contenido (títulos escapados).

## Las categorías con la línea que va debajo, y las etiquetas de evidencia con lo
## que significan.

category-withdrawal = Abstinencia y desintoxicación
category-withdrawal-blurb = Cómo pasar la abstinencia de forma segura, y por qué es solo un primer paso.
category-medications = Medicamentos
category-medications-blurb = Medicamentos que alivian la abstinencia y las ansias de consumir, bloquean los opioides o revierten una sobredosis.
category-therapies = Terapias y consejería
category-therapies-blurb = Terapias de conversación y de conducta que ayudan a cambiar hábitos y a afrontar las dificultades.
category-settings = Dónde se recibe el tratamiento
category-settings-blurb = Dónde se da la atención: desde estancias con atención las 24 horas hasta consultas desde la casa.
category-support-groups = Grupos de apoyo
category-support-groups-blurb = Grupos gratuitos para personas en recuperación y para sus familias.
category-recovery = Recuperación y apoyo a la familia
category-recovery-blurb = Cómo seguir bien después de las primeras semanas, y cómo apoyar a un ser querido.
category-safety = Seguridad
category-safety-blurb = Riesgos que conviene conocer: sobredosis, embarazo, mezcla de drogas.
category-choosing-a-program = Cómo elegir un programa
category-choosing-a-program-blurb = Qué preguntar, cómo es una buena atención y cómo pagarla.

evidence-established = Evidencia sólida
evidence-established-explanation = Respaldado por muchos estudios de buena calidad y recomendado por organismos como NIDA, SAMHSA o la FDA.
evidence-supported = Con respaldo de la evidencia
evidence-supported-explanation = Evidencia razonable o amplio acuerdo entre expertos, pero con menos estudios o estudios más débiles.
evidence-emerging = En estudio: aún no comprobado
evidence-emerging-explanation = Investigación inicial o con resultados mixtos. Puede ayudar a algunas personas, pero no es un tratamiento comprobado.

## Fechas. $month va de 1 a 12; $year y $day son números; $iso es la fecha tal
## como está escrita (AAAA-MM-DD).

date-month-year = { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
} de { $year }
date-long = { $day } de { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
} de { $year }

## La página de inicio

home-title = Encuentre tratamiento para la adicción a los opioides
home-heading = Encuentre el camino hacia el tratamiento de la adicción a los opioides
home-right-now-label = Ahora mismo
home-right-now-overdose = Si alguien tiene una sobredosis
home-right-now-find-care = Encuentre atención cerca de usted
home-lead = Información clara y con fuentes sobre el tratamiento de la adicción a la heroína, al fentanilo y a otros opioides: cuáles son las opciones, a quién le pueden servir y qué preguntar. Escrita para las familias, y para el personal y los profesionales de la salud que las ayudan.
home-ways-label = Por dónde empezar
home-way-explore = Conozca las opciones de tratamiento
home-way-explore-text = Medicamentos, terapias, desintoxicación, grupos de apoyo y dónde se recibe la atención, cada uno con la evidencia que lo respalda.
home-way-questionnaire = Empiece el cuestionario
home-way-questionnaire-text = Unas pocas preguntas que sugieren un nivel de atención y explican por qué. No se guarda nada sobre usted.
home-way-help = Consiga ayuda ahora
home-way-help-text = Líneas de ayuda gratuitas y confidenciales en Estados Unidos y Canadá, abiertas de día y de noche.
home-overdose-heading = Si alguien podría tener una sobredosis
home-overdose-call = Llame al <a href="tel:911">911</a>.
home-overdose-naloxone = Dé <a href="{ $href }">naloxona</a> (Narcan) si la tiene. Si no responde, dé otra dosis a los 2 o 3 minutos.
home-overdose-stay = Quédese con la persona. Si respira, póngala de lado.
home-overdose-steps = Qué hacer, paso a paso
home-overdose-tolerance = Después de una desintoxicación, una hospitalización o un tiempo en la cárcel, el cuerpo pierde rápido la tolerancia. Entonces, una dosis que antes era habitual puede matar. <a href="{ $href }">Lea por qué</a>.
home-topics-heading = Lo que encontrará aquí
home-not-sure = ¿No sabe por dónde empezar? <a href="{ $compare }">Compare lado a lado los tres medicamentos principales</a>, o <a href="{ $questions }">vea qué preguntarle a un programa</a> antes de llamar.

## Opciones de tratamiento: todos los temas por categoría

treatments-title = Opciones de tratamiento
treatments-lead = Todo lo que hay en este sitio, agrupado por tema. Cada página dice a quién le puede servir una opción, qué considerar y de dónde vienen los datos.
treatments-toc-label = Temas de esta página
evidence-legend = Qué significan las etiquetas de evidencia

## La página de un tema

breadcrumb-label = Ruta de navegación
# $month es el mes y el año en palabras; $iso, la fecha tal como está escrita.
item-reviewed = Revisión: <time datetime="{ $iso }">{ $month }</time>
# Va arriba de un tema que se muestra en inglés.
item-not-translated = Esta página aún no está traducida al español; se muestra en inglés.
item-translation-stale = La traducción de esta página se está actualizando; se muestra la versión en inglés.
item-compare-link = Compare { $title } con otros medicamentos
item-related = Temas relacionados
item-sources = Fuentes
# $month: mes y año en palabras; $date: la fecha completa; $version: la versión del contenido.
item-checked = Revisión: { $month } (se comprobó con sus fuentes el { $date }) · versión del contenido { $version }
facts-suits = A quién le puede servir
facts-weigh = Qué considerar
facts-requirements = Qué requiere
facts-side-effects = Efectos secundarios
facts-cautions = Precauciones

## La comparación de medicamentos

compare-title = Comparar medicamentos
compare-lead = En qué se diferencian los medicamentos para la adicción a los opioides: cómo actúan, cómo se toman, dónde se consiguen y qué hay que vigilar.
# $names: los nombres pedidos, cada uno entre comillas, separados por comas; $count: cuántos son.
compare-unknown = { $count ->
    [one] No tenemos ningún medicamento llamado { $names }. Elija uno de la lista de abajo.
   *[other] No tenemos medicamentos llamados { $names }. Elija de la lista de abajo.
}
# $links: enlaces a las páginas de esos temas, separados por comas.
compare-not-comparable = { $count ->
    [one] Aquí solo se pueden comparar medicamentos. Puede leer sobre { $links } en su propia página.
   *[other] Aquí solo se pueden comparar medicamentos. Puede leer sobre { $links } en sus propias páginas.
}
compare-trimmed = Caben como máximo cuatro medicamentos lado a lado; se muestran los cuatro primeros.
compare-default = En su lugar, se muestran los tres medicamentos más usados para la adicción a los opioides.
# $names: los medicamentos de la tabla, separados por comas.
compare-caption = Comparación: { $names }
compare-row-action = Cómo actúa
compare-row-taken = Cómo se toma
compare-row-obtained = Dónde se consigue
compare-row-before-starting = Antes de empezar
compare-row-pregnancy = En el embarazo
compare-row-risks = Riesgos principales
compare-row-evidence = Evidencia
compare-choose = Elija hasta cuatro medicamentos
compare-button = Comparar
compare-depends = Qué medicamento conviene depende de la persona, de su historia y de lo que haya disponible cerca. Un profesional que receta o un programa de tratamiento puede ayudarle a decidir.
