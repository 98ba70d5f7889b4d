import { css, html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../i18n/localize.js';
import { initials, type PersonName } from '../i18n/names.js';

export interface AvatarOptions {
  person: PersonName;
  photoUrl?: string | null;
  /** Hide from assistive technology when the name is printed right beside it. */
  decorative?: boolean;
}

export const avatarStyles = css`
  .avatar {
    position: relative;
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 2.5em;
    block-size: 2.5em;
    overflow: hidden;
    border-radius: 50%;
    background: var(--_okaeri-color-surface-raised);
    border: 1px solid var(--_okaeri-color-border);
    color: var(--_okaeri-color-text);
    font-weight: 600;
    line-height: 1;
  }
  .avatar-photo {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
`;

// The initials sit under the photo, so a missing or broken photo shows them instead.
function showPhoto(event: Event): void {
  (event.currentTarget as HTMLImageElement).hidden = false;
}
function hidePhoto(event: Event): void {
  (event.currentTarget as HTMLImageElement).hidden = true;
}

/** A round photo with an initials fallback, named after the person. Parts: `avatar`, `avatar-photo`. */
export function renderAvatar(l: LocalizeController, { person, photoUrl, decorative = false }: AvatarOptions): TemplateResult {
  return html`<span
    class="avatar"
    part="avatar"
    role=${decorative ? nothing : 'img'}
    aria-label=${decorative ? nothing : l.personName(person)}
    aria-hidden=${decorative ? 'true' : nothing}
  >
    <span aria-hidden="true">${initials(person)}</span>
    ${photoUrl
      ? html`<img class="avatar-photo" part="avatar-photo" src=${photoUrl} alt="" @load=${showPhoto} @error=${hidePhoto} />`
      : nothing}
  </span>`;
}
