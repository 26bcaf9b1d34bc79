/**
 * Country → ISO3 is geography (src/geo/countries.ts), which importers may not import (they depend on core only).
 * The service passes the lookup in; importers hand it whatever the layout has: the name as written, the ISO
 * 3166 numeric code (ACLED `iso`), the ISO3 (ACLED `iso3`, HDX) and the Gleditsch-Ward number (ACLED 2016 `GWNO`,
 * UCDP `country_id`). It returns null when it recognises none of them.
 */
export type CountryResolver = (
  name: string | null,
  isoNumeric: number | null,
  iso3: string | null,
  gw: number | null,
) => string | null;

/**
 * Remembers the last answer: export files are sorted by country or hold one country, so consecutive rows ask the
 * same question and the resolver (name normalisation, table lookups) runs once per run of rows, not per row.
 */
export class CountryMemo {
  private lastName: string | null = null;
  private lastIsoNumeric: number | null = null;
  private lastIso3: string | null = null;
  private lastGw: number | null = null;
  private lastAnswer: string | null = null;
  private primed = false;

  constructor(private readonly resolver: CountryResolver) {}

  resolve(
    name: string | null,
    isoNumeric: number | null,
    iso3: string | null,
    gw: number | null,
  ): string | null {
    if (
      this.primed &&
      name === this.lastName &&
      isoNumeric === this.lastIsoNumeric &&
      iso3 === this.lastIso3 &&
      gw === this.lastGw
    ) {
      return this.lastAnswer;
    }
    this.primed = true;
    this.lastName = name;
    this.lastIsoNumeric = isoNumeric;
    this.lastIso3 = iso3;
    this.lastGw = gw;
    this.lastAnswer = this.resolver(name, isoNumeric, iso3, gw);
    return this.lastAnswer;
  }
}
