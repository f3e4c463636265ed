# Las páginas para profesionales clínicos: la herramienta COWS (/tools/cows) y la
# página de reglas (/rules). Los ítems, las calificaciones y los rangos de la COWS
# están en cows.ftl; las reglas mismas se quedan en inglés en todas las páginas.

## La herramienta COWS

tool-cows-title = COWS: Escala Clínica de Abstinencia de Opiáceos
tool-cows-description = La Escala Clínica de Abstinencia de Opiáceos (COWS): once signos de abstinencia de opioides que califica alguien que observa a la persona, el total de 0 a 48 y lo que significa.
tool-cows-heading = Escala Clínica de Abstinencia de Opiáceos (COWS)
tool-cows-lead = Una herramienta para profesionales de la salud: alguien que observa a la persona, como una enfermera o un médico, califica once signos de abstinencia de opioides, y el total muestra qué tan fuerte es la abstinencia. Las clínicas la usan, por ejemplo, para decidir cuándo dar la primera dosis de buprenorfina. No es una autoevaluación. Información, no consejo médico.
tool-cows-total = Total: { $score } de 48
tool-cows-band-line = { $band } ({ $range }).
tool-cows-use-score = Usar este total en el cuestionario
tool-cows-check-items = Revise { $count ->
    [one] este ítem
   *[other] estos ítems
}
tool-cows-no-total-until-valid = No se muestra un total hasta que cada ítem tenga una de sus calificaciones.
tool-cows-no-total-yet = Todavía no hay total:
tool-cows-needs-all = para el total hay que calificar los once ítems.
tool-cows-still-to-rate = Falta calificar: { $items }.
tool-cows-paper-person = Persona:
tool-cows-paper-date = Fecha y hora:
tool-cows-paper-rater = Calificado por:
tool-cows-check-this = Revise este ítem:
tool-cows-refused = «{ $value }» no es una calificación de este ítem. Elija entre { $points }.
tool-cows-points = { $points ->
    [one] punto
   *[other] puntos
}:
tool-cows-score-it = Calcular el total
tool-cows-bands-heading = Qué significa el total
tool-cows-this-total = (este total)
tool-cows-source = Fuente:
tool-cows-wording = Las calificaciones están resumidas en palabras sencillas y traducidas por este sitio: no es una versión validada en español. Los puntos y los rangos son los publicados.
tool-cows-running-partial = Suma actual: { $total } hasta ahora; { $left ->
    [one] falta por calificar { $left } ítem
   *[other] faltan por calificar { $left } ítems
}.
tool-cows-running-complete = Suma actual: { $total } de 48, { $band }. Pulse «Calcular el total» para conservarlo.

## La página de reglas

rules-page-title = Cómo se deciden las sugerencias del cuestionario
rules-page-heading = Cómo se deciden las sugerencias
rules-page-lead = Cada regla que usa el cuestionario, en palabras sencillas y con su fuente, para que un profesional de la salud pueda revisar la lógica. Versión de las reglas: <code>{ $version }</code>. Es información para hablar con un profesional de la salud, no un consejo médico.
rules-page-table-language = Las reglas de abajo están escritas en inglés, el idioma en que las revisan los profesionales de la salud.
rules-page-toc = Decisiones
rules-page-sources = Fuentes
rules-when = Cuándo:
rules-reason = Motivo:
rules-to-person = A la persona:
rules-about-person = Sobre la persona:
rules-source = Fuente:

rules-group-severity-title = Gravedad
rules-group-severity-how = El recuento del DSM-5 decide si se indica un trastorno y con qué fuerza se recomienda un medicamento; no decide el lugar del tratamiento. Si no hay recuento, se muestra una estimación y se indica que lo es. Decide la primera fila cuya condición se cumple.
rules-group-areas-title = Riesgo en seis áreas
rules-group-areas-how = Cada fila que se cumple pide un nivel de riesgo en su área; el área toma el más alto. «<span lang="en">Not known yet</span>» (todavía no se sabe) está por encima de bajo y cuenta como moderado: lo desconocido nunca tranquiliza. Estas áreas siguen la idea de la evaluación multidimensional; no son las dimensiones ni los niveles de ASAM.
rules-group-setting-title = Lugar del tratamiento
rules-group-setting-how = Cada fila que se cumple pide un nivel; el lugar del tratamiento es el más intensivo que se pida, salvo que una fila que se cumple le ponga un tope («at most», como máximo; un tope nunca baja la atención en el hospital). Los puntajes nunca se suman ni se promedian, y un área alta por sí sola pide como máximo tratamiento ambulatorio intensivo (la única excepción es una abstinencia peligrosa de alcohol o de benzodiazepinas). El embarazo por sí solo nunca sube el nivel.
rules-group-plan-title = Plan
rules-group-plan-how = Decide la primera fila decisiva que se cumple; las filas marcadas «adds this reason» (agrega este motivo) lo explican mejor.
rules-group-medications-title = Medicamentos
rules-group-medications-how = Para cada medicamento, en este orden, la primera fila decisiva que se cumple decide su estado o lo deja fuera de la lista; las notas agregan motivos a un medicamento de la lista. El alcohol o las benzodiazepinas nunca hacen que la metadona o la buprenorfina queden como «not advised» (no recomendada) (FDA 2017).
rules-group-alerts-title = Alertas
rules-group-alerts-how = Se muestra cada fila que se cumple, la más urgente primero. El motivo es el texto de la alerta.
rules-group-therapies-title = Terapias
rules-group-therapies-how = Se muestra cada fila que se cumple.
rules-group-support-title = Apoyo
rules-group-support-how = Se muestra cada fila que se cumple.
rules-group-talking-points-title = Puntos para la conversación
rules-group-talking-points-how = Se lee cada fila que se cumple, en este orden, dirigida a la persona cuando ella llama, o hablando de ella cuando llama un familiar, un amigo o un profesional.
