/** A legend of classes: colour swatch, name and how many units fall in it (colour is never the only cue). */
export function ClassLegend({
  title,
  items,
  testId,
}: {
  title: string;
  items: { key: string; colour: string; label: string; count: number }[];
  testId: string;
}) {
  return (
    <section className="legend" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      <ul>
        {items.map((i) => (
          <li key={i.key} data-class={i.key} data-count={i.count}>
            <span className="swatch" style={{ background: i.colour }} aria-hidden="true" />
            {i.label} ({i.count})
          </li>
        ))}
      </ul>
    </section>
  );
}
