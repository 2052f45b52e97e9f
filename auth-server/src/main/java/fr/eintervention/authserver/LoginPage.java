package fr.eintervention.authserver;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The login form people see when an app sends them here ({@link SignIn}): in French, for a phone
 * held in one hand (the technicians), large fields and button, naming the app the person signs in
 * to. Posted to {@code /login}.
 */
@RestController
class LoginPage {

    private final RequestCache requests = new HttpSessionRequestCache();
    private final SignInProperties signIn;

    LoginPage(SignInProperties signIn) {
        this.signIn = signIn;
    }

    @GetMapping(path = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String form(CsrfToken csrf, @RequestParam(required = false) String error, HttpServletRequest request,
            HttpServletResponse response) {
        String message = error == null ? ""
                : "<p class=\"error\" role=\"alert\">Identifiant ou mot de passe incorrect.</p>";
        String app = HtmlUtils.htmlEscape(app(request, response));
        return """
                <!doctype html>
                <html lang="fr">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>Connexion à %s — E-Intervention</title>
                  <style>
                    body { margin: 0; font: 18px system-ui, sans-serif; color: #111; }
                    header { background: #0b4f8a; color: #fff; padding: 12px 16px; font-weight: 700; }
                    main { max-width: 420px; margin: 0 auto; padding: 16px; }
                    label { display: block; font-weight: 600; margin: 16px 0 6px; }
                    input { font: inherit; width: 100%%; box-sizing: border-box; min-height: 52px; padding: 8px 12px;
                      border: 2px solid #8a8a8a; border-radius: 10px; }
                    button { font: inherit; font-weight: 700; width: 100%%; min-height: 64px; margin-top: 24px; border: 0;
                      border-radius: 10px; background: #0b4f8a; color: #fff; }
                    :focus-visible { outline: 4px solid #f5a300; outline-offset: 2px; }
                    .error { background: #fde7e7; color: #a31515; border: 2px solid #a31515; border-radius: 8px; padding: 10px; }
                  </style>
                </head>
                <body>
                <header>E-Intervention</header>
                <main>
                  <h1>Connexion</h1>
                  <p class="app">Pour vous connecter à <strong id="app">%s</strong>.</p>
                  %s
                  <form method="post" action="login">
                    <label for="username">Identifiant</label>
                    <input id="username" name="username" autocomplete="username" autocapitalize="none" required autofocus>
                    <label for="password">Mot de passe</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required>
                    <input name="_csrf" type="hidden" value="%s">
                    <button type="submit">Se connecter</button>
                  </form>
                </main>
                </body>
                </html>
                """.formatted(app, app, message, HtmlUtils.htmlEscape(csrf.getToken()));
    }

    /**
     * The app that sent the person here: the client of the authorization request the server
     * saved before showing the form, by the name its registration gives; E-Intervention when the
     * form was opened directly.
     */
    private String app(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = requests.getRequest(request, response);
        String[] clientId = saved == null ? null : saved.getParameterValues("client_id");
        if (clientId == null || clientId.length == 0) {
            return "E-Intervention";
        }
        SignInProperties.App app = signIn.apps().get(clientId[0]);
        return app == null || app.name() == null || app.name().isBlank() ? clientId[0] : app.name();
    }
}
