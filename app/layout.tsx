import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { SiteFooter } from '@/components/site-footer'
import { SiteHeader } from '@/components/site-header'
import { getConfig } from '@/lib/config'
import { getAlternates } from '@/lib/metadata'
import { site } from '@/lib/site'
import { themeScript } from '@/lib/theme/script'
import './globals.css'

export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(getConfig().site.url),
    title: { default: site.name, template: `%s · ${site.name}` },
    description: site.description,
    authors: [{ name: site.author.name }],
    alternates: getAlternates('/'),
    openGraph: { type: 'website', siteName: site.name, locale: site.locale, url: '/' },
    twitter: { card: 'summary_large_image' },
  }
}

export const viewport: Viewport = {
  colorScheme: 'light dark',
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#09090b' },
  ],
}

const skipLinkClass =
  'sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 ' +
  'focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900'

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets data-theme on <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/*
          A constant (lib/theme/script.ts), never user text;
          allowed by the CSP's 'unsafe-inline' (lib/security-headers.ts).
        */}
        {/* eslint-disable-next-line react/no-danger */}
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="flex min-h-dvh flex-col">
        <a href="#main-content" className={skipLinkClass}>
          Skip to content
        </a>
        <SiteHeader />
        <main id="main-content" className="mx-auto w-full max-w-6xl flex-1 px-4 py-10 sm:px-6">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  )
}
