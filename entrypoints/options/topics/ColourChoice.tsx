/**
 * The topic's colour: the palette as radio swatches, or any colour from the colour picker. A colour with too
 * little contrast on light or dark pages gets a warning with the numbers (validateTopic refuses to save it).
 */
import { colourWarning } from '../../../utils/topics-ui/colour-check';
import { colourName } from '../../../utils/topics-ui/labels';
import { TOPIC_PALETTE } from '../../../utils/topics/palette';
import { describedBy, FieldMessages } from './FieldMessages';

export function ColourChoice({ colour, messages, onChange }: { colour: string; messages: string[]; onChange: (hex: string) => void }) {
  const current = colour.toLowerCase();
  const inPalette = TOPIC_PALETTE.includes(current);
  const warning = colourWarning(current);
  const shown = warning ? [warning, ...messages.filter((m) => m !== warning)] : messages;
  return (
    <fieldset class="form-row choice-group" aria-describedby={describedBy(shown.length > 0 && 'topic-colour-errors')}>
      <legend>Colour</legend>
      <div class="swatches">
        {TOPIC_PALETTE.map((hex) => (
          <label key={hex} class="swatch-option" title={colourName(hex)}>
            <input type="radio" name="topic-colour" value={hex} checked={current === hex} onChange={() => onChange(hex)} />
            <span class="swatch-chip" style={{ backgroundColor: hex }} aria-hidden="true" />
            <span class="sr-only">{colourName(hex)}</span>
          </label>
        ))}
        <label class="custom-colour">
          <input type="color" value={/^#[0-9a-f]{6}$/.test(current) ? current : '#000000'} onInput={(e) => onChange(e.currentTarget.value.toLowerCase())} />
          Custom colour{!inPalette && <span class="custom-colour-value"> ({current})</span>}
        </label>
      </div>
      <FieldMessages id="topic-colour-errors" messages={shown} />
    </fieldset>
  );
}
