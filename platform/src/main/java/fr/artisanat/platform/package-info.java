/** Cross-cutting building blocks shared by every service of the suite. No domain code lives here. */
package fr.artisanat.platform;
