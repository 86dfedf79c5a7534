import Plot

extension AdminOverview.Model {
    var html: HTML {
        let l = context.language
        let links: [(path: String, title: String, about: String)] = [
            (SiteURL.adminUsers.path, l("Användare", "Users"),
             l("Alla användare och deras roller; skapa användare, ge och ta bort roller.",
               "Every user and their roles; create users, add and remove roles.")),
            (SiteURL.adminOrganisations.path, l("Organisationer", "Organisations"),
             l("Vårdgivare och leverantörer med antal användare och ärenden.",
               "Care providers and suppliers with their numbers of users and cases.")),
            (SiteURL.adminPlatforms.path, l("Plattformar", "Platforms"),
             l("Varje plattforms gällande processversion och ärenden per status.",
               "Each platform's current process version and cases by status.")),
            (SiteURL.adminProcesses.path, l("Processdefinitioner", "Process definitions"),
             l("Publicerade versioner; publicera nya från processmappen.",
               "Published versions; publish new ones from the processes folder.")),
        ]
        return Layout.page(
            l("Administration", "Administration"), context,
            .h1(.text(l("Administration", "Administration"))),
            .ul(.class("admin-links"), .forEach(links) { link in
                .li(.a(.href(link.path), .text(link.title)), .text(" – " + link.about))
            })
        )
    }
}
