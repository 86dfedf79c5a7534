import Plot

extension ErrorPage.Model {
    var html: HTML {
        Layout.page(
            title, context,
            .h1(.text(title)),
            .p(.text(message)),
            .p(.a(.href(SiteURL.home.path), .text(context.language("Till startsidan", "To the start page"))))
        )
    }
}
