# Las palabras del motor en español: etiquetas, la razón de cada regla (rule-<id>),
# los puntos para la conversación en cada persona (rule-<id>-to_person: a la persona;
# rule-<id>-about_person: a otra persona que llama por ella) y los nombres de las provincias.
# El inglés está en las tablas de Rust y se exporta a locales/en/engine.ftl con los mismos ids.
# Términos: locales/es/GLOSSARY.md. Números, dosis, días y teléfonos, exactamente como en inglés.

## Etiquetas

severity-none = No se indica un trastorno por consumo de opioides
severity-mild = Leve
severity-moderate = Moderado
severity-severe = Grave
severity-unknown = Todavía no se sabe
severity-remission = En remisión con tratamiento
level-outpatient = Tratamiento ambulatorio
level-intensive_outpatient = Tratamiento ambulatorio intensivo
level-inpatient = Tratamiento residencial o con hospitalización
level-hospital = Atención en el hospital hoy (sala de emergencias)
plan-maintenance = Mantenimiento: seguir con el medicamento a largo plazo
plan-taper = Reducción gradual: dejar los opioides poco a poco, con apoyo
plan-review = Revisión con un profesional de la salud: no se indica un trastorno por consumo de opioides
plan-no_medication = Sin medicamento por ahora: consejería y apoyo
medication-status-continue = Siga tomándolo
medication-status-suggested = Sugerido
medication-status-consider = Vale la pena hablarlo
medication-status-not_yet = Todavía no
medication-status-not_advised = No se aconseja
area-withdrawal = Abstinencia
area-physical_health = Salud física
area-mental_health = Salud mental
area-readiness = Disposición para cambiar
area-use_and_overdose_risk = Consumo y riesgo de sobredosis
area-living_situation = Entorno de vida
risk-low = Bajo
risk-unknown = Todavía no se sabe
risk-moderate = Moderado
risk-high = Alto

## Gravedad

rule-severity-remission_on_treatment = Toma un medicamento para el trastorno por consumo de opioides y cumple pocos criterios o ninguno en el último año: esto es remisión con tratamiento. Quiere decir que el medicamento está funcionando, no que haya que dejarlo.
rule-severity-none = Se cumplen 0–1 de los 11 criterios del DSM-5: esto no indica un trastorno por consumo de opioides.
rule-severity-mild = Se cumplen 2–3 de los 11 criterios del DSM-5: un trastorno por consumo de opioides leve.
rule-severity-moderate = Se cumplen 4–5 de los 11 criterios del DSM-5: un trastorno por consumo de opioides moderado.
rule-severity-severe = Se cumplen 6 o más de los 11 criterios del DSM-5: un trastorno por consumo de opioides grave.
rule-severity-unknown-prescribed = Tomar opioides recetados todos los días produce tolerancia y abstinencia, que por sí solas no son una adicción. Hacen falta las preguntas del DSM-5 antes de sugerir cualquier medicamento para el trastorno por consumo de opioides.
rule-severity-estimate-daily_long = Estimado a partir del patrón de consumo: consumir a diario durante más de 5 años suele indicar un trastorno grave. Un profesional de la salud debe confirmarlo con los criterios del DSM-5.
rule-severity-estimate-daily_returns = Estimado a partir del patrón de consumo: consumir a diario con varios intentos de dejarlo, o volver a consumir después de haberlo dejado, suele indicar un trastorno grave. Un profesional de la salud debe confirmarlo.
rule-severity-estimate-light = Estimado a partir del patrón de consumo: consumir menos que a diario, desde hace menos de un año y sin intentos fallidos de dejarlo, sugiere un trastorno leve. Un profesional de la salud debe confirmarlo.
rule-severity-estimate-other = Estimado a partir de lo que se sabe: se trata como moderado hasta que un profesional de la salud revise los criterios del DSM-5.
rule-severity-unknown = Todavía no se sabe lo suficiente: contar los criterios del DSM-5 lo aclararía.

## Las seis áreas

rule-area-withdrawal-sedative_seizures = Alguna vez tuvo convulsiones o delirium tremens al dejar el alcohol o las benzodiazepinas, y todavía bebe o las toma: la próxima abstinencia necesita atención médica día y noche.
rule-area-withdrawal-sedative_daily = Bebe mucho alcohol a diario o toma benzodiazepinas a diario: dejarlos de golpe puede causar convulsiones, así que un profesional de la salud planifica esa abstinencia. No hace falta internarse solo por eso.
rule-area-withdrawal-cows = La abstinencia de opioides ya comenzó (un puntaje de 13 o más en la escala COWS): un medicamento que se empieza hoy la trata.
rule-area-withdrawal-daily_opioids = Con el consumo diario, la abstinencia empieza en menos de un día después de dejar de consumir; la metadona o la buprenorfina la previenen.
rule-area-withdrawal-unknown_sedatives = Todavía no se sabe si el consumo de alcohol o de benzodiazepinas es fuerte y diario, y eso decide cómo se maneja su abstinencia.
rule-area-withdrawal-unknown_opioids = Todavía no se sabe con qué frecuencia se consumen opioides.
rule-area-withdrawal-low = No hay señales de una abstinencia peligrosa.
rule-area-physical-urgent = Señales que necesitan un hospital hoy (fiebre con heridas, enrojecimiento que se extiende, dolor en el pecho, dificultad para respirar o confusión).
rule-area-physical-conditions = Problemas médicos que necesitan atención: un chequeo médico pronto, junto con el tratamiento para el consumo de opioides.
rule-area-physical-pregnant = Embarazo: la atención prenatal va junto con el tratamiento. El embarazo, por sí solo, no requiere un tipo de atención más intensivo.
rule-area-physical-pain = Dolor crónico: el tratamiento del dolor y el tratamiento para los opioides deben planificarse juntos.
rule-area-physical-injects = Se inyecta: hay que revisar si tiene heridas, infecciones, VIH o hepatitis C.
rule-area-physical-unknown = Todavía no se sabe si hay señales médicas urgentes.
rule-area-physical-low = No hay señales médicas urgentes.
rule-area-mental-suicidal = Pensamientos de suicidio o de tener una sobredosis a propósito en el último mes.
rule-area-mental-crisis = Salud mental en crisis ahora.
rule-area-mental-struggling = Dificultades con la salud mental: la atención debe tratarlas junto con el consumo de opioides.
rule-area-mental-condition = Un problema de salud mental: se trata mejor con el mismo equipo, junto con el consumo de opioides, y la mayoría de las veces sin tener que quedarse fuera de casa.
rule-area-mental-unknown = Todavía no se sabe si hay pensamientos de suicidio.
rule-area-mental-low = No se mencionó una crisis de salud mental.
rule-area-readiness-not_ready = Todavía no hay disposición para un cambio: mantenga la puerta abierta, tenga la naloxona cerca y vuelva a hablarlo más adelante. Un tipo de atención más intensivo no crea esa disposición.
rule-area-readiness-unsure = Hay dudas sobre el cambio: ayuda una conversación que lo sopese con las propias palabras de la persona.
rule-area-readiness-unknown = Todavía no se sabe qué tan dispuesta está la persona a hacer un cambio.
rule-area-readiness-low = Quiere ayuda ahora.
rule-area-use-overdose = Una sobredosis en el último año: es la señal de alarma más fuerte de que puede haber otra, y podría ser mortal.
rule-area-use-attempts = Varios intentos de dejarlo.
rule-area-use-relapse = Volvió a consumir después de un tiempo sin consumir, o después de un tratamiento.
rule-area-use-treatment_not_held = El tratamiento anterior no se sostuvo: todavía consumió en la última semana.
rule-area-use-released = Salió de la cárcel, de la prisión o de una estancia en el hospital en el último mes: después de la prisión, la tolerancia es baja y el riesgo de una sobredosis mortal es muchas veces mayor en las primeras semanas.
rule-area-use-history_on_medication = Volvió a consumir en el pasado; ahora está estable con un medicamento, que es lo que más protege.
rule-area-use-fentanyl = Los opioides de la calle, incluidas la heroína y las pastillas, ahora suelen contener fentanilo: no se sabe qué tan fuerte es cada dosis.
rule-area-use-daily = Consumo diario.
rule-area-use-injects = Inyectarse aumenta el riesgo de sobredosis.
rule-area-use-sedatives = El alcohol o las benzodiazepinas junto con los opioides aumentan el riesgo de que la respiración se haga más lenta.
rule-area-use-unknown_overdose = Todavía no se sabe si hubo una sobredosis en el último año.
rule-area-use-unknown_history = Todavía no se sabe si hubo intentos de dejarlo o si volvió a consumir.
rule-area-use-low = No hubo sobredosis ni vueltas al consumo repetidas.
rule-area-living-homeless = No tiene dónde vivir.
rule-area-living-unstable = La vivienda no es estable.
rule-area-living-no_support = No tiene familiares ni amigos en quienes apoyarse.
rule-area-living-unknown = Todavía no se sabe dónde vive la persona ni quién la apoya.
rule-area-living-low = Un lugar estable donde vivir y personas en quienes apoyarse.

## Tipo de atención

rule-setting-hospital-medical = Señales que necesitan un hospital hoy: vaya ahora a una sala de emergencias. Allí se puede empezar un medicamento para el consumo de opioides.
rule-setting-hospital-suicidal = Pensamientos de suicidio: llame o envíe un mensaje de texto al 988 (9-8-8 en Canadá) o vaya ahora a una sala de emergencias.
rule-setting-hospital-crisis = Una crisis de salud mental: una sala de emergencias o un equipo de crisis hoy.
rule-setting-inpatient-use_and_living = Un riesgo alto de sobredosis o de volver a consumir, junto con una situación en casa que va en contra de la recuperación: un programa residencial da un lugar seguro y apoyo día y noche mientras se empieza el medicamento.
rule-setting-inpatient-sedative_withdrawal = Alguna vez tuvo una abstinencia peligrosa del alcohol o de las benzodiazepinas, y todavía los consume: la próxima necesita atención médica día y noche.
rule-setting-intensive-use = Un riesgo alto de sobredosis o de volver a consumir: varias sesiones por semana al principio, con medicamento.
rule-setting-intensive-living = No tiene un lugar estable donde vivir, o no tiene a nadie en quien apoyarse: varias sesiones por semana, con ayuda para la vivienda y el apoyo. No hace falta internarse para empezar un medicamento.
rule-setting-intensive-not_known = Todavía no se conocen las sobredosis anteriores, las vueltas al consumo, la vivienda ni el apoyo, así que la sugerencia se inclina hacia más apoyo hasta conocerlos.
rule-setting-outpatient = Visitas regulares con un profesional de la salud mientras sigue viviendo donde vive ahora: es suficiente para empezar.
rule-setting-step_down = Acaba de terminar un tratamiento residencial, con vivienda estable, apoyo y sin consumo de otras drogas: el siguiente paso es el tratamiento ambulatorio intensivo, no otra estancia residencial.
rule-setting-stable_on_medication = Ya está estable con un medicamento: siga con el profesional que le receta ahora; no hace falta otro tipo de atención.
rule-setting-no_disorder = No se indica un trastorno por consumo de opioides: una revisión con el profesional que receta los opioides o con un médico de familia, no un programa de adicciones.

## Plan

rule-plan-review = No se indica un trastorno por consumo de opioides: un profesional de la salud revisa el consumo de opioides. A quien toma opioides recetados para el dolor no se le reduce la dosis de forma automática, y nunca se le suspenden de golpe.
rule-plan-pregnancy-naltrexone = Embarazo mientras toma naltrexona: se puede continuar después de hablarlo con los profesionales de atención prenatal y de adicciones; dejarla de golpe deja a la persona sin protección y con la tolerancia baja.
rule-plan-pregnancy = Embarazo: se recomienda la metadona o la buprenorfina. Un manejo de la abstinencia (desintoxicación) o una reducción gradual de la dosis durante el embarazo a menudo terminan en una vuelta al consumo y en un riesgo de sobredosis.
rule-plan-continue-agonist = Ya toma un medicamento agonista opioide: siga tomándolo. Seguir con él protege contra la sobredosis.
rule-plan-continue-naltrexone = Ya toma naltrexona: siga tomándola, con naloxona cerca por si vuelve a consumir.
rule-plan-no_medication = Se rechazaron todos los medicamentos, y esa decisión se respeta: consejería y apoyo, con la puerta abierta a un medicamento. Sin medicamento, el riesgo de una sobredosis mortal es mayor, así que la naloxona es aún más importante.
rule-plan-antagonist = Se rechazaron la metadona y la buprenorfina, y dejó los opioides hace al menos una semana: la naltrexona, que bloquea los opioides, puede proteger contra una vuelta al consumo.
rule-plan-taper = Se rechazaron la metadona y la buprenorfina, así que el plan es un manejo de la abstinencia con supervisión: medicamentos que no son opioides (clonidina; en Estados Unidos también lofexidina) alivian los síntomas, y después la naltrexona puede proteger contra una vuelta al consumo.
rule-plan-maintenance = La metadona o la buprenorfina, tomadas a largo plazo, son lo que más reduce el riesgo de sobredosis y de muerte. Más adelante se puede hablar de reducir la dosis poco a poco.
rule-plan-note-taper_risk = Esto tiene un riesgo añadido real: la mayoría de las personas que dejan los opioides sin medicamento vuelven a consumir, y con la tolerancia baja una vuelta al consumo puede ser mortal. Tener naloxona a mano y un seguimiento cercano reducen el riesgo; el tratamiento de mantenimiento sigue disponible en cualquier momento.
rule-plan-note-taper_slow = No se recomienda el manejo de la abstinencia como único tratamiento. Si se elige, la forma más segura es una reducción gradual y lenta con un tratamiento corto de metadona o buprenorfina, y volver a ofrecer el medicamento de inmediato si vuelven las ansias de consumir.
rule-plan-note-pregnancy_declined = Se rechazaron la metadona y la buprenorfina: vale la pena hablarlo con los profesionales de atención prenatal y de adicciones. Si se siguen rechazando, es posible un manejo de la abstinencia supervisado por un profesional con experiencia en la atención del embarazo, con seguimiento cercano y naloxona; dejar de consumir sin ayuda no es seguro.
rule-plan-note-pregnant_no_disorder = Embarazo: hable del consumo de opioides con el profesional de atención prenatal; metadona o buprenorfina solo si se diagnostica un trastorno por consumo de opioides.

## Medicamentos

rule-med-methadone-continue = Ya toma metadona: siga tomándola y no la deje de golpe. Si no funciona lo suficientemente bien, se puede cambiar la dosis.
rule-med-methadone-declined = Se rechazó la metadona, y eso se respeta. La opción sigue abierta: de todos los tratamientos, es el que más reduce el riesgo de muerte.
rule-med-methadone-under_16 = Menor de 16 años: solo con un especialista en adicciones en jóvenes, y con reglas de consentimiento que varían según el estado o la provincia.
rule-med-methadone-on_other = Una opción a la que cambiar si el medicamento actual no funciona lo suficientemente bien.
rule-med-methadone-tolerance_not_known = La metadona es para personas acostumbradas a consumir opioides todos los días; un profesional de la salud lo comprueba primero, porque es peligrosa para quien no lo está.
rule-med-methadone-first_line = De primera línea, como la buprenorfina: un medicamento opioide de acción prolongada que se toma una vez al día. La dosis se sube poco a poco y las primeras semanas son las de mayor riesgo, así que no se debe tomar además alcohol, benzodiazepinas ni otros opioides. Con el fentanilo, a algunas personas les va mejor con metadona.
rule-med-methadone-other = Una opción para hablar con un profesional de la salud.
rule-med-methadone-pregnancy = Recomendada en el embarazo: mantiene estable el nivel de opioide; es posible que el bebé necesite atención por abstinencia después de nacer, algo esperado y que se puede tratar.
rule-med-methadone-us = En Estados Unidos se da en programas de tratamiento de opioides certificados. Desde 2024 pueden dar dosis para llevar a casa desde las primeras semanas, según el criterio clínico, y no pueden condicionar el medicamento a la consejería.
rule-med-methadone-ca = En Canadá la receta un médico o un enfermero practicante (nurse practitioner) y la entrega una farmacia de la comunidad: al principio las dosis se toman allí, y hay dosis para llevar a casa (carries) a medida que la situación se estabiliza.
rule-med-methadone-country_unknown = En Estados Unidos se da en programas de tratamiento de opioides certificados; en Canadá la receta un médico o un enfermero practicante (nurse practitioner) y la entrega una farmacia.
rule-med-methadone-sedatives = El alcohol o las benzodiazepinas aumentan el riesgo de que la respiración se haga más lenta; la FDA aconseja dar el tratamiento de todos modos y manejar ese riesgo, no negar este medicamento.
rule-med-buprenorphine-continue = Ya toma buprenorfina: siga tomándola y no la deje de golpe.
rule-med-buprenorphine-declined = Se rechazó la buprenorfina, y eso se respeta. La opción sigue abierta si las cosas cambian.
rule-med-buprenorphine-under_16 = Menor de 16 años: solo con un especialista en adicciones en jóvenes (en Estados Unidos está aprobada a partir de los 16 años).
rule-med-buprenorphine-pregnant_on_methadone = Durante el embarazo no se suele aconsejar cambiar de metadona a buprenorfina: puede causar una abstinencia repentina.
rule-med-buprenorphine-on_other = Una opción a la que cambiar si el medicamento actual no funciona lo suficientemente bien.
rule-med-buprenorphine-first_line = De primera línea, como la metadona: una película o tableta que se pone debajo de la lengua, por lo general con naloxona añadida (buprenorfina con naloxona), recetada por una clínica, por telesalud o por atención virtual; al principio la farmacia puede observar cómo se toman las dosis, y más adelante dar dosis para llevar a casa.
rule-med-buprenorphine-other = Una opción para hablar con un profesional de la salud.
rule-med-buprenorphine-fentanyl_start = Después del fentanilo, empezar demasiado pronto puede provocar una abstinencia repentina: quien receta espera a que haya una abstinencia clara o usa un inicio con dosis bajas.
rule-med-buprenorphine-pregnancy = Recomendada en el embarazo; se usan tanto la buprenorfina sola como la buprenorfina con naloxona. Quien ya toma una de las dos sigue tomándola.
rule-med-buprenorphine-sedatives = El alcohol o las benzodiazepinas aumentan el riesgo de que la respiración se haga más lenta; la FDA aconseja dar el tratamiento de todos modos y manejar ese riesgo, no negar este medicamento.
rule-med-buprenorphine-canada_minor = En Canadá la buprenorfina con naloxona está aprobada para adultos; a menores de 18 años se la receta, fuera de la indicación aprobada (off-label), un profesional de la salud con experiencia en jóvenes.
rule-med-xr_buprenorphine-continue = Ya recibe buprenorfina de liberación prolongada: mantenga las inyecciones según lo programado.
rule-med-xr_buprenorphine-pregnancy = Hasta ahora hay pocos estudios en el embarazo; la mayoría de las personas embarazadas usan buprenorfina diaria.
rule-med-xr_buprenorphine-fits = Una inyección una vez que se tolera la buprenorfina (mensual; en Estados Unidos también semanal): no hay dosis diarias que guardar con seguridad ni que recordar, lo que conviene con una vivienda inestable, al salir de la cárcel o del hospital, o si se quiere privacidad.
rule-med-xr_buprenorphine-option = Una inyección mensual o semanal en lugar de dosis diarias, una vez que se tolera la buprenorfina (adultos).
rule-med-xr_naltrexone-continue = Ya recibe la inyección mensual de naltrexona: manténgala según lo programado (en Canadá se obtiene por el acceso especial de Health Canada); la protección disminuye cerca del final de cada mes.
rule-med-xr_naltrexone-canada = No se comercializa en Canadá (solo por acceso especial).
rule-med-xr_naltrexone-pregnancy = No se empieza durante el embarazo: para empezarla hay que pasar antes por la abstinencia, y eso no se aconseja durante el embarazo.
rule-med-xr_naltrexone-ready = Al menos 7 días sin heroína, fentanilo ni pastillas: una inyección mensual que bloquea los opioides y ayuda a prevenir una vuelta al consumo.
rule-med-xr_naltrexone-wait = Primero necesita 7–10 días sin opioides de acción corta; si no, provoca una abstinencia repentina.
rule-med-xr_naltrexone-after_agonist = Cambiar a ella implica dejar primero la metadona o la buprenorfina: hasta 14 días, con una dosis de prueba, para evitar una abstinencia repentina.
rule-med-xr_naltrexone-alternative = Una alternativa para quienes quieren un medicamento que no sea un opioide; primero necesita 7–10 días sin opioides.
rule-med-xr_naltrexone-country_unknown = En Estados Unidos; en Canadá solo por el acceso especial de Health Canada.
rule-med-xr_naltrexone-after_stopping_agonist = Si dejó la metadona o la buprenorfina en las últimas 2 semanas, espere más: empezar demasiado pronto provoca una abstinencia repentina y grave. Un profesional de la salud puede dar primero una pequeña dosis de prueba.
rule-med-xr_naltrexone-tolerance = La tolerancia es baja mientras se usa y después de dejarla, así que una sobredosis es más probable si se consumen opioides.
rule-med-naltrexone-continue = Ya toma naltrexona: siga tomándola, idealmente con alguien que vea cada dosis.
rule-med-naltrexone-pregnancy = No se empieza durante el embarazo: para empezarla hay que pasar antes por la abstinencia, y eso no se aconseja durante el embarazo.
rule-med-naltrexone-ready_canada = Al menos 7 días sin opioides: una tableta diaria que bloquea los opioides (la forma disponible en Canadá). Funciona mejor cuando alguien ve cómo se toma cada dosis.
rule-med-naltrexone-wait = Primero necesita 7–10 días sin opioides de acción corta; si no, provoca una abstinencia repentina.
rule-med-naltrexone-after_agonist = Cambiar a ella implica dejar primero la metadona o la buprenorfina: hasta 14 días, con una dosis de prueba, para evitar una abstinencia repentina.
rule-med-naltrexone-supervised = Las tabletas diarias solo funcionan cuando alguien ve cómo se toma cada dosis; sin eso, ayudan poco más que no tomar ningún medicamento.
rule-med-naltrexone-after_stopping_agonist = Si dejó la metadona o la buprenorfina en las últimas 2 semanas, espere más: empezar demasiado pronto provoca una abstinencia repentina y grave. Un profesional de la salud puede dar primero una pequeña dosis de prueba.
rule-med-naltrexone-tolerance = La tolerancia es baja mientras se usa y después de dejarla, así que una sobredosis es más probable si se consumen opioides.
rule-med-srom-continue = Ya toma morfina oral de liberación lenta: siga tomándola; no la deje de golpe.
rule-med-srom-tried = En Canadá, la morfina oral de liberación lenta, una vez al día, es una opción cuando se probó la metadona o la buprenorfina y no resultó adecuada.
rule-med-ioat-continue = Ya recibe tratamiento inyectable con agonistas opioides: siga con él; no tiene una fecha de fin, y cualquier cambio se decide en conjunto.
rule-med-ioat-oral_did_not_hold = Todavía se inyecta aunque probó el tratamiento por vía oral: en algunas partes de Canadá, una opción es el tratamiento inyectable supervisado con hidromorfona o diacetilmorfina.
rule-med-lofexidine-taper = Un medicamento que no es un opioide y que alivia los síntomas de abstinencia al dejar los opioides.
rule-med-naloxone = Toda persona que consume opioides, y las personas a su alrededor, deben llevar naloxona: revierte una sobredosis de opioides.
rule-med-naloxone-us = En Estados Unidos, la naloxona en aerosol nasal se vende sin receta.
rule-med-naloxone-ca = En Canadá hay kits de naloxona gratuitos, sin receta, en muchas farmacias y sitios de reducción de daños.

## Alertas

rule-alert-medical_urgent = Vaya hoy a una sala de emergencias: la fiebre con heridas, el enrojecimiento que se extiende, el dolor en el pecho, la dificultad para respirar o la confusión necesitan un médico ahora. Allí también se puede empezar un medicamento para el consumo de opioides.
rule-alert-suicide_risk = Pensamientos de suicidio: llame o envíe un mensaje de texto al 988 ahora (9-8-8 en Canadá), o vaya a una sala de emergencias. Si hay una vida en peligro en este momento, llame al 911. Tenga a mano solo pequeñas cantidades de medicamentos y drogas, pida a alguien que guarde o cierre con llave el resto, y tenga la naloxona cerca.
rule-alert-recent_overdose = Una sobredosis en el último año es la señal de alarma más fuerte de que puede haber otra. Empiece un medicamento lo antes posible, tenga la naloxona al alcance y nunca consuma a solas.
rule-alert-naloxone = Tenga naloxona (Narcan) donde se consumen opioides y enseñe a otras personas cómo usarla. En una sobredosis: llame al 911, dé naloxona y respire por la persona si no está respirando. La naloxona no revierte la xilacina ni otros sedantes mezclados en la droga, así que la respiración de rescate es importante; quédese con la persona, porque el efecto de la naloxona puede pasarse.
rule-alert-never_use_alone-us = Mientras siga consumiendo: nunca consuma a solas. La línea Never Use Alone (1-800-484-3731) se queda en la llamada y envía ayuda si usted deja de responder. Las tiras de prueba muestran si hay fentanilo o xilacina en lo que va a consumir; empiece con una cantidad pequeña, y fumar es menos riesgoso que inyectarse.
rule-alert-never_use_alone-ca = Mientras siga consumiendo: nunca consuma a solas. El National Overdose Response Service (1-888-688-6677) se queda en la llamada y envía ayuda si usted deja de responder. Los servicios de análisis de drogas y las tiras de prueba muestran qué hay en lo que va a consumir; empiece con una cantidad pequeña, y fumar es menos riesgoso que inyectarse. Los sitios de consumo supervisado y de prevención de sobredosis, donde existen, tienen personal presente.
rule-alert-never_use_alone-both = Mientras siga consumiendo: nunca consuma a solas. Una línea se queda en la llamada y envía ayuda si usted deja de responder: Never Use Alone (Estados Unidos) 1-800-484-3731, National Overdose Response Service (Canadá) 1-888-688-6677. Las tiras de prueba y el análisis de drogas muestran qué hay en lo que va a consumir; empiece con una cantidad pequeña.
rule-alert-overdose_after_abstinence = Después de días o semanas sin opioides (una reducción gradual, una desintoxicación, la cárcel, la prisión o una estancia residencial), la tolerancia es baja: la cantidad de antes puede ser mortal. Tenga la naloxona cerca y nunca consuma a solas.
rule-alert-overdose_after_abstinence-on_medication = Acaba de salir de la cárcel, la prisión o el hospital: reciba la siguiente dosis de metadona o buprenorfina sin interrupción; las primeras semanas fuera son las de mayor riesgo.
rule-alert-start_today-us = Por lo general, el medicamento se puede empezar hoy: en una sala de emergencias, en una clínica puente, por telesalud o en un programa de tratamiento de opioides. Nadie tiene que esperar sin él a que haya una cama o un lugar en un programa.
rule-alert-start_today-ca = Por lo general, el medicamento se puede empezar hoy: en una sala de emergencias, en una clínica de adicciones de acceso rápido, por atención virtual, o con un médico de familia o un enfermero practicante (nurse practitioner). Nadie tiene que esperar sin él a que haya una cama o un lugar en un programa.
rule-alert-start_today-both = Por lo general, el medicamento se puede empezar hoy: en una sala de emergencias, en una clínica que atiende sin cita o una clínica puente, o por telesalud. Nadie tiene que esperar sin él a que haya una cama o un lugar en un programa.
rule-alert-start_today-minor = A menudo el medicamento se puede empezar pronto: pida hoy un servicio de adicciones para jóvenes o una clínica de medicina para adolescentes; en una crisis, una sala de emergencias puede ayudar.
rule-alert-buprenorphine_start = Empezar la buprenorfina después del fentanilo: hacerlo demasiado pronto puede provocar una abstinencia repentina y grave. Quien receta suele esperar hasta que la abstinencia esté claramente en marcha (moderada en la escala COWS), o usa un inicio con dosis bajas que se superpone con el consumo actual. Si ocurre una abstinencia repentina, llame a quien le receta o vaya a una sala de emergencias: se puede tratar, a menudo con más buprenorfina. Consumir fentanilo encima no ayuda.
rule-alert-sedative_withdrawal = Nunca deje de golpe el consumo fuerte de alcohol ni las benzodiazepinas que toma a diario: puede causar convulsiones y delirium tremens. Un profesional de la salud planifica esa abstinencia, con medicamento.
rule-alert-sedative_co_use = El alcohol o las benzodiazepinas junto con los opioides aumentan mucho el riesgo de que la respiración se haga más lenta y de morir. Informe de ese consumo a cada profesional que le receta, y nunca deje de golpe el consumo fuerte de alcohol ni las benzodiazepinas.
rule-alert-pregnancy = Embarazo: no intente dejarlo por su cuenta. Pida hoy metadona o buprenorfina, que se recomiendan en el embarazo, y atención prenatal que trabaje junto con ese tratamiento.
rule-alert-pregnancy-on_agonist = Embarazo: siga tomando la metadona o la buprenorfina; a menudo hay que subir la dosis más adelante en el embarazo. Informe al equipo de atención prenatal.
rule-alert-pregnancy-on_naltrexone = Embarazo mientras toma naltrexona: hable pronto con los profesionales de atención prenatal y de adicciones sobre seguir con ella o cambiar de medicamento; no la deje por su cuenta.
rule-alert-injection_risks = Si se inyecta: use materiales estériles nuevos cada vez (los programas de reducción de daños, los programas de servicios de jeringas y muchas farmacias los dan gratis). Haga revisar las heridas pronto, sobre todo con la xilacina, que causa heridas que necesitan atención. Pregunte por la prevención del VIH (PrEP), las vacunas y las pruebas: la hepatitis C se puede curar.
rule-alert-stimulant_fentanyl = La cocaína, el crack y la metanfetamina pueden contener fentanilo: las tiras de prueba, la naloxona y no consumir nunca a solas también valen para ellas.
rule-alert-naltrexone_wait = La naltrexona solo se puede empezar cuando hayan pasado al menos 7–10 días desde el último opioide (hasta 14 días después de la metadona o la buprenorfina); empezarla antes provoca una abstinencia repentina y grave.
rule-alert-crisis_support = Si siente que ya no puede más, o le llegan pensamientos de suicidio, llame o envíe un mensaje de texto al 988 (9-8-8 en Canadá) a cualquier hora, o llame al 911 en una emergencia.
rule-alert-minor = Menores de 18 años: las reglas de consentimiento y confidencialidad para el tratamiento varían según el estado y la provincia; muchos jóvenes pueden dar su propio consentimiento para la atención de adicciones. La participación de la familia ayuda cuando es segura. Pida un programa para jóvenes o adolescentes.

## Terapias y apoyo

rule-therapy-dual_diagnosis = Un solo equipo que trata juntos la salud mental y el consumo de opioides funciona mejor que una atención por separado.
rule-therapy-contingency_management = Pequeñas recompensas por pruebas sin drogas: evidencia sólida, sobre todo con consumo de estimulantes o vueltas al consumo anteriores.
rule-therapy-motivational_interviewing = Ayuda a la persona a sopesar el cambio con sus propias palabras cuando tiene dudas o recién empieza.
rule-therapy-cbt = Un complemento útil para los desencadenantes y las ansias de consumir; no es un requisito para recibir un medicamento.
rule-therapy-group = Una parte central de los programas intensivos: aprender de otras personas en la misma situación.
rule-therapy-family = Participan familiares o amigos: las sesiones juntos les ayudan a apoyar la recuperación de formas que funcionan (por ejemplo, CRAFT).
rule-support-na = Reuniones de pares gratuitas casi en todas partes, en persona y en línea; basadas en los 12 pasos. Las normas sobre la metadona y la buprenorfina varían entre grupos; algunos limitan la participación de quienes las toman.
rule-support-smart = Una alternativa gratuita y no espiritual, basada en herramientas prácticas.
rule-support-case_management-housing = La vivienda no es estable: un administrador de casos ayuda con la vivienda, los beneficios y a llegar a las citas.
rule-support-recovery_housing = Una vivienda de recuperación que acepte la metadona y la buprenorfina, o una vivienda con apoyo: muchas casas de recuperación no las aceptan, así que pregunte primero.
rule-support-case_management-care = Un administrador de casos puede coordinar la atención médica, el cuidado de otras personas a su cargo y el tratamiento.
rule-support-telehealth = Las visitas por teléfono o video mantienen el tratamiento en privado y se adaptan al trabajo, la escuela o el cuidado de otras personas.
rule-support-aftercare = El tratamiento residencial es un comienzo: un plan para lo que sigue, con medicamento, mantiene el avance.
rule-support-relapse_plan = Un plan escrito para las ansias de consumir y los momentos de riesgo, compartido con alguien de confianza.
rule-support-nar_anon = Para familiares: apoyo de otras personas que quieren a alguien con una adicción.
rule-support-loved_one = Para familiares: cómo ayudar sin facilitar el consumo, y cómo cuidarse usted también.

## Puntos para la conversación (se leen en voz alta)

rule-talk-urgent-suicide = Lo urgente va primero.
rule-talk-urgent-suicide-to_person = Lo que usted está viviendo ahora es lo más importante. Por favor, llame o envíe un mensaje de texto al 988 ahora, o vaya a la sala de emergencias más cercana. Puedo quedarme en la línea mientras lo hace.
rule-talk-urgent-suicide-about_person = Lo que esa persona está viviendo ahora es lo más importante. Por favor, llame o envíe un mensaje de texto al 988 junto con ella ahora, o llévela a la sala de emergencias más cercana. Si está en peligro en este momento, llame al 911.
rule-talk-urgent-medical = Lo urgente va primero.
rule-talk-urgent-medical-to_person = Las señales que me describe necesitan un médico hoy. Por favor, vaya ahora a una sala de emergencias; allí también pueden empezarle un medicamento para el consumo de opioides.
rule-talk-urgent-medical-about_person = Las señales que me describe necesitan un médico hoy. Por favor, ayude a la persona a llegar ahora a una sala de emergencias; allí también pueden empezarle un medicamento para el consumo de opioides.
rule-talk-setting-inpatient = El tipo de atención, en una oración.
rule-talk-setting-inpatient-to_person = Por lo que me ha contado, un programa residencial es un buen lugar para empezar: un lugar seguro donde quedarse, con personas a su lado día y noche mientras comienza el tratamiento.
rule-talk-setting-inpatient-about_person = Por lo que me ha contado, un programa residencial es un buen lugar para que la persona empiece: un lugar seguro donde quedarse, con gente a su lado día y noche mientras comienza el tratamiento.
rule-talk-setting-intensive = El tipo de atención, en una oración.
rule-talk-setting-intensive-to_person = Por lo que me ha contado, un buen lugar para empezar es un programa de tratamiento ambulatorio intensivo: varias sesiones por semana mientras usted sigue viviendo donde vive ahora.
rule-talk-setting-intensive-about_person = Por lo que me ha contado, un buen lugar para que la persona empiece es un programa de tratamiento ambulatorio intensivo: varias sesiones por semana mientras sigue viviendo donde vive ahora.
rule-talk-setting-outpatient = El tipo de atención, en una oración.
rule-talk-setting-outpatient-to_person = Por lo que me ha contado, un buen lugar para empezar son las visitas regulares con un profesional de la salud, mientras usted sigue viviendo donde vive ahora.
rule-talk-setting-outpatient-about_person = Por lo que me ha contado, un buen lugar para que la persona empiece son las visitas regulares con un profesional de la salud, mientras sigue viviendo donde vive ahora.
rule-talk-start_today = Empezar ahora.
rule-talk-start_today-to_person = No tiene que esperar una cama ni un lugar en un programa: por lo general, el medicamento se puede empezar hoy.
rule-talk-start_today-about_person = La persona no tiene que esperar una cama ni un lugar en un programa: por lo general, el medicamento se puede empezar hoy.
rule-talk-medicine-buprenorphine = El plan, en una oración, solo con el medicamento que la persona está dispuesta a tomar.
rule-talk-medicine-buprenorphine-to_person = El medicamento funciona. La buprenorfina quita la abstinencia y las ansias de consumir, y las personas que siguen tomándola tienen muchas menos probabilidades de morir por una sobredosis. Usted no tiene que tomar metadona.
rule-talk-medicine-buprenorphine-about_person = El medicamento funciona. La buprenorfina quita la abstinencia y las ansias de consumir, y las personas que siguen tomándola tienen muchas menos probabilidades de morir por una sobredosis. Nadie va a obligar a la persona a tomar metadona.
rule-talk-medicine-methadone = El plan, en una oración, solo con el medicamento que la persona está dispuesta a tomar.
rule-talk-medicine-methadone-to_person = El medicamento funciona. La metadona quita la abstinencia y las ansias de consumir, y las personas que siguen tomándola tienen muchas menos probabilidades de morir por una sobredosis. Usted no tiene que tomar buprenorfina.
rule-talk-medicine-methadone-about_person = El medicamento funciona. La metadona quita la abstinencia y las ansias de consumir, y las personas que siguen tomándola tienen muchas menos probabilidades de morir por una sobredosis. Nadie va a obligar a la persona a tomar buprenorfina.
rule-talk-medicine-agonist = El plan, en una oración.
rule-talk-medicine-agonist-to_person = El medicamento funciona. La metadona o la buprenorfina quitan la abstinencia y las ansias de consumir, y las personas que siguen tomándolas tienen muchas menos probabilidades de morir por una sobredosis.
rule-talk-medicine-agonist-about_person = El medicamento funciona. La metadona o la buprenorfina quitan la abstinencia y las ansias de consumir, y las personas que siguen tomándolas tienen muchas menos probabilidades de morir por una sobredosis.
rule-talk-medicine-continue = El plan, en una oración.
rule-talk-medicine-continue-to_person = Siga tomando el medicamento que toma ahora, y no lo deje de golpe. Si no funciona lo suficientemente bien, se puede cambiar la dosis o el medicamento.
rule-talk-medicine-continue-about_person = Es importante que la persona siga tomando el medicamento que toma ahora, y que no lo deje de golpe. Si no funciona lo suficientemente bien, se puede cambiar la dosis o el medicamento.
rule-talk-medicine-antagonist = El plan, en una oración.
rule-talk-medicine-antagonist-to_person = La naltrexona bloquea los opioides y puede ayudarle a mantenerse sin consumir. Mientras la toma, y después, su cuerpo ya no aguanta la cantidad que aguantaba antes, así que un desliz es más peligroso.
rule-talk-medicine-antagonist-about_person = La naltrexona bloquea los opioides y puede ayudar a la persona a mantenerse sin consumir. Mientras la toma, y después, su cuerpo ya no aguanta la cantidad que aguantaba antes, así que un desliz es más peligroso.
rule-talk-plan-taper = El plan, en una oración.
rule-talk-plan-taper-to_person = Usted quiere dejar los opioides sin metadona ni buprenorfina. Eso funciona mejor despacio y con apoyo. Después de dejarlos, su cuerpo ya no aguanta la cantidad que aguantaba antes, así que un desliz puede ser mucho más peligroso que antes.
rule-talk-plan-taper-about_person = La persona quiere dejar los opioides sin metadona ni buprenorfina. Eso funciona mejor despacio y con apoyo. Después de dejarlos, su cuerpo ya no aguanta la cantidad que aguantaba antes, así que un desliz puede ser mucho más peligroso que antes.
rule-talk-plan-no_medication = El plan, en una oración.
rule-talk-plan-no_medication-to_person = Usted prefiere no tomar medicamentos, y es su decisión. Aun así, la consejería y el apoyo ayudan, y la puerta a un medicamento sigue abierta. Sin medicamento, la naloxona es aún más importante.
rule-talk-plan-no_medication-about_person = La persona prefiere no tomar medicamentos, y es su decisión. Aun así, la consejería y el apoyo ayudan, y la puerta a un medicamento sigue abierta. Sin medicamento, la naloxona es aún más importante.
rule-talk-plan-review = El plan, en una oración.
rule-talk-plan-review-to_person = Por lo que me ha contado, puede que esto no sea una adicción a los opioides. Aun así, vale la pena hablarlo con un médico, que puede revisar con usted el consumo de opioides.
rule-talk-plan-review-about_person = Por lo que me ha contado, puede que en el caso de la persona esto no sea una adicción a los opioides. Aun así, vale la pena que la persona lo hable con un médico.
rule-talk-naloxone-us = Naloxona, siempre.
rule-talk-naloxone-us-to_person = Por favor, lleve con usted naloxona, también llamada Narcan, y enseñe a alguien cercano cómo usarla. Puede revertir una sobredosis. La puede comprar en una farmacia sin receta.
rule-talk-naloxone-us-about_person = Por favor, tenga naloxona, también llamada Narcan, a mano, y aprenda a usarla. Puede revertir una sobredosis. La puede comprar en una farmacia sin receta.
rule-talk-naloxone-ca = Naloxona, siempre.
rule-talk-naloxone-ca-to_person = Por favor, lleve con usted un kit de naloxona, y enseñe a alguien cercano cómo usarlo. Puede revertir una sobredosis. Muchas farmacias y sitios de reducción de daños dan los kits gratis, sin receta.
rule-talk-naloxone-ca-about_person = Por favor, tenga un kit de naloxona a mano, y aprenda a usarlo. Puede revertir una sobredosis. Muchas farmacias y sitios de reducción de daños dan los kits gratis, sin receta.
rule-talk-naloxone-both = Naloxona, siempre.
rule-talk-naloxone-both-to_person = Por favor, lleve con usted naloxona, también llamada Narcan, y enseñe a alguien cercano cómo usarla. Puede revertir una sobredosis. Las farmacias la tienen sin receta.
rule-talk-naloxone-both-about_person = Por favor, tenga naloxona, también llamada Narcan, a mano, y aprenda a usarla. Puede revertir una sobredosis. Las farmacias la tienen sin receta.
rule-talk-never_use_alone = El riesgo de sobredosis mientras sigue consumiendo.
rule-talk-never_use_alone-to_person = Mientras tanto, por favor, nunca consuma a solas: hay líneas gratuitas que se quedan al teléfono con usted y envían ayuda si usted deja de responder.
rule-talk-never_use_alone-about_person = Mientras tanto, lo más seguro es que la persona nunca consuma a solas: hay líneas gratuitas que se quedan al teléfono y envían ayuda si deja de responder.
rule-talk-call_911 = Ayuda de emergencia, siempre.
rule-talk-call_911-to_person = Si alguna vez cree que alguien está teniendo una sobredosis, llame al 911 de inmediato, dele naloxona y quédese con esa persona.
rule-talk-call_911-about_person = Si alguna vez cree que la persona está teniendo una sobredosis, llame al 911 de inmediato, dele naloxona y quédese con ella.
rule-talk-find_care-us = Dónde encontrar atención.
rule-talk-find_care-us-to_person = Puede llamar a la Línea Nacional de Ayuda de SAMHSA, que es gratuita, al 1-800-662-4357, a cualquier hora del día o de la noche, para encontrar tratamiento cerca de usted.
rule-talk-find_care-us-about_person = Puede llamar a la Línea Nacional de Ayuda de SAMHSA, que es gratuita, al 1-800-662-4357, a cualquier hora del día o de la noche, para encontrar tratamiento cerca de donde vive la persona; también ayuda a las familias.
rule-talk-find_care-ca = Dónde encontrar atención.
rule-talk-find_care-ca-to_person = Las líneas gratuitas que aparecen con este resultado pueden ayudarle a encontrar tratamiento donde vive, y si alguna vez siente que ya no puede más, puede llamar o enviar un mensaje de texto al 9-8-8 a cualquier hora.
rule-talk-find_care-ca-about_person = Las líneas gratuitas que aparecen con este resultado pueden ayudar a encontrar tratamiento donde vive la persona, y si alguna vez la situación se vuelve demasiado difícil, para ella o para usted, puede llamar o enviar un mensaje de texto al 9-8-8 a cualquier hora.
rule-talk-find_care-both = Dónde encontrar atención.
rule-talk-find_care-both-to_person = Las líneas gratuitas que aparecen con este resultado pueden ayudarle a encontrar tratamiento, a cualquier hora del día o de la noche.
rule-talk-find_care-both-about_person = Las líneas gratuitas que aparecen con este resultado pueden ayudar a encontrar tratamiento para la persona, a cualquier hora del día o de la noche, y también ayudan a las familias.

## Provincias y territorios de Canadá (los nombres que usan las traducciones del contenido)

engine-province-ab = Alberta
engine-province-bc = Columbia Británica
engine-province-mb = Manitoba
engine-province-nb = Nuevo Brunswick
engine-province-nl = Terranova y Labrador
engine-province-nt = Territorios del Noroeste
engine-province-ns = Nueva Escocia
engine-province-nu = Nunavut
engine-province-on = Ontario
engine-province-pe = Isla del Príncipe Eduardo
engine-province-qc = Quebec
engine-province-sk = Saskatchewan
engine-province-yt = Yukón

# La línea de la provincia (engine.rs, provincial_line): $place la provincia, $line el
# nombre de la línea, $phone su número, $caller `self` (la persona) u `other` (otra persona).
talk-find_care-province = { $caller ->
        [other] En { $place }, { $line } puede ayudar a encontrar tratamiento cerca de donde vive la persona: llame al { $phone }.
       *[self] En { $place }, { $line } le puede ayudar a encontrar tratamiento cerca de donde vive: llame al { $phone }.
    }
