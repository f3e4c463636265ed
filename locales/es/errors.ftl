# Páginas de error (src/web/error.rs). Los errores JSON de la API siguen en inglés.

error-not-found-heading = No encontramos esa página
error-not-found-message = Puede que la dirección esté mal escrita o que la página haya cambiado de lugar.
error-cross-origin-heading = Este formulario solo se puede enviar desde Treatment Navigator
error-cross-origin-message = El formulario vino de otro sitio web, así que no se aceptó. Abra el cuestionario en este sitio y vuelva a intentarlo.
error-rejected-heading = No pudimos leer esa solicitud
error-rejected-message = { $status ->
    [408] La solicitud no llegó completa a tiempo, así que no se hizo nada. Envíela de nuevo.
    [413] El formulario era más grande de lo que este sitio acepta, así que no se hizo nada.
   *[other] No pudimos leer la solicitud, así que no se hizo nada. Abra de nuevo la página desde el menú y vuelva a intentarlo.
}
error-overloaded-heading = Ahora estamos muy ocupados
error-overloaded-message = Hay demasiadas solicitudes a la vez. Vuelva a intentarlo en unos segundos.
error-timed-out-heading = Eso tardó demasiado
error-timed-out-message = La página no terminó a tiempo. Vuelva a intentarlo en un momento.
error-server-heading = Algo falló de nuestro lado
error-server-message = El problema quedó registrado. Vuelva a intentarlo en un momento.

error-go-home = Ir a la página principal
error-browse = Ver las opciones de tratamiento
error-search = Buscar en el sitio
error-helplines = Buscar una línea de ayuda
error-status = Error { $status }
error-reference = referencia <code>{ $reference }</code> (menciónela si nos informa del problema)
