# Error pages (src/web/error.rs). The API's JSON errors stay in English; the
# reasons of an error's English page are also the API's words, so keep them plain.

error-not-found-heading = We could not find that page
error-not-found-message = The address may be mistyped, or the page may have moved.
error-cross-origin-heading = This form can only be sent from Treatment Navigator
error-cross-origin-message = The form came from another website, so it was not accepted. Open the questionnaire on this site and try again.
error-rejected-heading = We could not read that request
# English pages show the reason given where the request was refused; a page in
# another language shows this, by the response's status ($status).
error-rejected-message = { $status ->
    [408] The request was not received in full in time, so nothing was done. Please send it again.
    [413] The form was larger than this site accepts, so nothing was done.
   *[other] The request could not be read, so nothing was done. Open the page again from the menu and try again.
}
error-overloaded-heading = We are very busy right now
error-overloaded-message = Too many requests at once. Please try again in a few seconds.
error-timed-out-heading = That took too long
error-timed-out-message = The page did not finish in time. Please try again in a moment.
error-server-heading = Something went wrong on our side
error-server-message = The problem has been logged. Please try again in a moment.

error-go-home = Go to the home page
error-browse = Browse treatment options
error-search = Search the site
error-helplines = Find a helpline
error-status = Error { $status }
# $reference: the short code a server error was logged under.
error-reference = reference <code>{ $reference }</code> (quote it if you report the problem)
