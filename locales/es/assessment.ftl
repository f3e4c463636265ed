# El cuestionario, el resultado y la hoja de resumen: las palabras alrededor de las
# preguntas. Las preguntas están en questionnaire.ftl, con los mismos ids que el
# archivo exportado en inglés.
# Los mensajes con HTML se muestran tal cual; sus argumentos son rutas, números, ids y
# fechas del propio sitio.

## El cuestionario

questionnaire-title = Cuestionario
questionnaire-description = Preguntas que el personal de admisión puede leer en voz alta, en cinco pasos cortos, para sugerir un tipo de atención, un plan y medicamentos, cada uno con sus razones.
questionnaire-changing = Está cambiando las respuestas de un resultado anterior. Cada respuesta aparece como estaba. Al enviarlas se guarda un resultado nuevo, y el anterior queda igual.
questionnaire-steps-label = Pasos
questionnaire-privacy = No anote el nombre ni los datos de contacto de quien llama: no se piden y no se guardan. No se envía nada hasta que presione “Ver el resultado”.
questionnaire-errors-title = { $count ->
    [one] Revise esta respuesta
   *[other] Revise estas respuestas
}
questionnaire-errors-kept = Todas las demás respuestas se conservaron.
questionnaire-step-count = Paso { $number } de { $total }:
questionnaire-urgent-title = Primero: qué hacer ahora
questionnaire-urgent-suicide = <strong>Pensamientos de suicidio:</strong> llame o envíe un mensaje de texto al <a href="tel:988">988</a>, la 988 Línea de Prevención del Suicidio y Crisis (9-8-8 en Canadá). Es gratis y atiende a toda hora. Si la persona está en peligro ahora mismo, llame al <a href="tel:911">911</a>.
questionnaire-urgent-medical = <strong>Señales que requieren un hospital:</strong> llame al <a href="tel:911">911</a> o vaya hoy a la sala de emergencias más cercana. En muchas también se puede empezar allí un medicamento para el consumo de opioides.
questionnaire-urgent-rest = Las demás preguntas siguen aquí, para cuando haya tiempo.
questionnaire-next = Siguiente: { $step }
questionnaire-back = Anterior: { $step }
questionnaire-submit = Ver el resultado
questionnaire-say = Diga:
questionnaire-check-answer = Revise esta respuesta:
questionnaire-dont-know = No sé / prefiere no responder
questionnaire-none-of-these = Ninguna de estas
questionnaire-hint-list = Deje todo sin marcar para “No sé / prefiere no responder”.
questionnaire-hint-number = Déjelo vacío para “No sé / prefiere no responder”.
questionnaire-hint-dsm5-count = Déjelo vacío para “No sé / prefiere no responder”. Déjelo vacío también si marcó la lista de arriba: la lista se cuenta sola.
questionnaire-hint-cows = Déjelo vacío para “No sé / prefiere no responder”. <a href="{ $href }">Calcúlelo con la herramienta COWS</a>.
questionnaire-rate-limited-title = Todavía no se guardó: demasiados envíos desde esta conexión
questionnaire-rate-limited = Para que el servicio funcione para todos, cada conexión puede guardar un número limitado de cuestionarios por minuto. Todas las respuestas siguen en este formulario: espere { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
} y presione de nuevo “Ver el resultado”.
questionnaire-not-saved-title = Sus respuestas no se guardaron
questionnaire-not-saved = No pudimos guardarlas en este momento: el problema es nuestro. No se perdió nada de lo que escribió, y todas las respuestas siguen en este formulario. Presione “Ver el resultado” para intentarlo otra vez. Si vuelve a fallar, espere un minuto.
questionnaire-unreadable = No se pudo leer el cuestionario. Por favor, empiécelo de nuevo desde la página del cuestionario.
questionnaire-bad-link = No se pudo leer el enlace al cuestionario. Abra el cuestionario desde el menú.

## Qué está mal en una respuesta, después del nombre de la pregunta

answer-error-not-asked = no es una pregunta de este cuestionario
answer-error-none-and-items = marque “Ninguna de estas” o las opciones que correspondan, pero no las dos cosas
answer-error-one-answer = dé una sola respuesta
answer-error-not-a-number = debe ser un número entero de 0 a { $max }, o quedar vacío
answer-error-not-a-choice = elija una de las respuestas que se ofrecen
answer-error-not-in-list = marque solo opciones de la lista
answer-error-yes-no = elija Sí, No o “No sé / prefiere no responder”
answer-error-out-of-range = debe ser un número entero de 0 a { $max }
answer-error-province = es solo para Canadá: elija Canadá como país, o deje la provincia sin responder
answer-error-dsm5-both = escriba el número o marque los criterios en la lista, pero no las dos cosas: la lista se cuenta sola
answer-error-other = revise esta respuesta

## Las respuestas como las muestran el resultado y la hoja

assessment-answer-unknown = No sé / prefiere no responder
assessment-answer-none = Ninguna
assessment-answer-cows = { $total }: { $band }
assessment-informant-self = La propia persona
assessment-informant-family = Un familiar o una amistad
assessment-informant-professional = Un profesional
assessment-informant-unknown = No consta

## Los filtros de FindTreatment.gov (el sitio muestra el nombre en inglés al lado)

assessment-filter-opioid-treatment-program = Programa de tratamiento de opioides
assessment-filter-buprenorphine = Buprenorfina
assessment-filter-naltrexone = Naltrexona
assessment-filter-residential = Tratamiento residencial
assessment-filter-intensive-outpatient = Tratamiento ambulatorio intensivo
assessment-filter-outpatient = Tratamiento ambulatorio
assessment-filter-pregnant-or-postpartum-women = Mujeres embarazadas o en el posparto

## El resultado

result-title = Resultado del cuestionario
result-heading = Resultado
result-do-first = Haga esto primero
result-urgent-medical = Vaya hoy a una sala de emergencias o llame al <a href="tel:911">911</a>.
result-urgent-suicide = Llame o envíe un texto al <a href="tel:988">988</a> ya. Si una vida corre peligro, llame al <a href="tel:911">911</a>.
result-urgent-overdose = Sobredosis reciente: medicamento pronto, naloxona cerca, nunca consumir a solas.
result-suggestion = La sugerencia
result-setting = Tipo de atención:
result-plan = Plan:
result-start-today = Empezar hoy:
result-why = Por qué este tipo de atención y este plan
result-severity = Gravedad:
result-severity-estimate = { $severity } (es un cálculo aproximado; debe confirmarlo un profesional de la salud).
result-maintenance-or-taper = Mantenimiento o reducción gradual de la dosis: qué tener en cuenta
result-sheet = Hoja de resumen para imprimir
result-sheet-in-english = Hoja de resumen en inglés
result-change = Cambiar respuestas
result-new = Cuestionario nuevo
result-saved = Guardado el { $when } · referencia <code>{ $id }</code> · información para conversar con un proveedor de tratamiento, no un diagnóstico.
result-talking-points = Puntos para la conversación, para leer en voz alta
result-areas = El riesgo en seis áreas
result-areas-intro = El tipo de atención sigue al área de mayor riesgo. “Todavía no se sabe” cuenta como moderado hasta que se pregunte.
result-medications = Medicamentos
result-therapies = Terapias
result-support = Apoyo
result-safety-notes = Avisos de seguridad
result-ask-next = Qué preguntar después
result-ask-next-intro = Estas respuestas podrían cambiar la sugerencia:
result-find-care = Encuentre atención cerca de usted
result-find-care-intro = Estas líneas gratuitas buscan tratamiento cerca de donde vive la persona y responden preguntas en el camino.
result-helpline-call = teléfono:
result-helpline-text = mensaje de texto:
result-helpline-in-language = En español:
result-care-link = Encuentre atención cerca de usted: programas, directorios y líneas locales
result-care-filters = En EE. UU., en FindTreatment.gov, estos filtros corresponden a este resultado: { $filters }.
result-every-helpline = Todas las líneas de ayuda, por país y provincia
result-rules-version-label = Versión de las reglas
result-how-rules-decide = cómo deciden las reglas
result-content-version-label = versión del contenido

## La hoja de resumen

summary-page-title = Resumen del cuestionario { $id }
summary-running-header = Treatment Navigator · resumen del cuestionario · referencia { $id } · guardado el { $when }
summary-heading = Treatment Navigator: resumen del cuestionario
summary-print = Imprimir esta hoja
summary-back = Volver al resultado
summary-language-label = Idioma de esta hoja
summary-saved = Guardado
summary-reference = Referencia
summary-informant = Información dada por
summary-versions = Versiones
summary-versions-value = reglas { $rules } · contenido { $content }
summary-patient-name = Nombre del paciente
summary-date-of-birth = Fecha de nacimiento
summary-alerts = Avisos
summary-answers = Respuestas
summary-dsm5-ticked = Criterios del DSM-5 marcados ({ $count } de 11):
summary-dsm5-none = ninguno
summary-unanswered = No sé / prefiere no responder:
summary-result = Resultado
summary-severity-estimate = { $severity } (cálculo aproximado).
summary-setting = { $setting }, el nivel más intensivo que necesita cualquiera de las áreas de abajo.
summary-risk-by-area = <strong>Riesgo por área</strong> (el tipo de atención sigue al más alto):
summary-missing = Sin responder, y podría cambiar el resultado
summary-helplines = Líneas de ayuda
summary-helpline-text = (mensaje de texto: { $number })
summary-rules = Reglas que decidieron este resultado
summary-rules-explained = Cada regla se explica en { $rules }.
summary-sources = Fuentes:
summary-notes = Notas del profesional de la salud
summary-clinician = Profesional de la salud
summary-signature = Firma
summary-date = Fecha
summary-not-advice = Información, no consejo médico.
summary-disclaimer = Reglas transparentes (versión { $version }) aplicadas a las respuestas de arriba: apoyan la evaluación de un profesional de la salud, nunca la reemplazan. No se recogió ningún nombre ni dato de contacto; el nombre de arriba se escribe a mano.

## Puntos para la conversación de los resultados guardados en el formato 1

assessment-list-or = { $first } o { $last }
assessment-tp1-start = Por lo que me ha contado, un buen punto de partida es este: { $setting }. Le voy a explicar por qué. Nada de esto es una decisión final: un programa de tratamiento lo va a conversar con usted.
assessment-tp1-medicine-works = Los medicamentos funcionan. { $medicines } { $count ->
    [one] puede
   *[other] pueden
} quitar los síntomas de abstinencia y las ansias de consumir, y las personas que siguen con el medicamento tienen mucho menos riesgo de morir por una sobredosis.
assessment-tp1-maintenance = Para la mayoría de las personas, seguir a largo plazo con un medicamento para la adicción a los opioides es el camino más seguro. Vale la pena conversar sobre las opciones.
assessment-tp1-taper = Usted quiere dejar los opioides. Eso puede funcionar si se hace despacio y con apoyo. Después de dejarlos, su cuerpo ya no aguanta la cantidad que usaba antes, así que un desliz puede ser mucho más peligroso que antes.
assessment-tp1-review = Por lo que me ha contado, puede que esto no sea una adicción a los opioides. Aun así, vale la pena conversarlo con un médico, que puede revisar con usted el consumo de opioides.
assessment-tp1-residential = Un programa residencial le da un lugar seguro donde quedarse y personas a su lado de día y de noche mientras empieza el tratamiento.
assessment-tp1-naloxone-us = Por favor, tenga naloxona (también llamada Narcan) en casa, y enséñele a alguien cercano cómo usarla. Puede revertir una sobredosis. En EE. UU. se puede comprar en la farmacia sin receta.
assessment-tp1-naloxone-ca = Por favor, tenga naloxona (también llamada Narcan) en casa, y enséñele a alguien cercano cómo usarla. Puede revertir una sobredosis. En Canadá, la mayoría de las farmacias dan kits de naloxona gratis, sin receta.
assessment-tp1-naloxone-both = Por favor, tenga naloxona (también llamada Narcan) en casa, y enséñele a alguien cercano cómo usarla. Puede revertir una sobredosis. En EE. UU. se vende sin receta en las farmacias, y en Canadá la mayoría de las farmacias dan kits gratis.
assessment-tp1-call-911 = Si alguna vez cree que alguien tiene una sobredosis, llame al 911 de inmediato.
assessment-tp1-helpline-us = Puede llamar gratis a la Línea Nacional de Ayuda de SAMHSA al 1-800-662-4357 a cualquier hora, de día o de noche, para encontrar tratamiento cerca de usted.
assessment-tp1-helpline-ca = Las líneas gratuitas que aparecen con este resultado pueden ayudarle a encontrar tratamiento donde vive. Y si alguna vez todo se vuelve demasiado, puede llamar o enviar un mensaje de texto al 9-8-8 a cualquier hora.
assessment-tp1-helpline-both = En EE. UU., la Línea Nacional de Ayuda de SAMHSA, gratuita, al 1-800-662-4357, ayuda a encontrar tratamiento a cualquier hora, de día o de noche. En Canadá lo hacen las líneas gratuitas que aparecen con este resultado, y el 9-8-8 atiende a toda hora.
