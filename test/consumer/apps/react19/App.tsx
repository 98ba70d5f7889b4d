// React 19 with the tags themselves: the README's "React 19" snippet. React 19 sets properties
// and listens to `onokaeri-…` custom events; okaeri/jsx types every tag.
import type {} from 'okaeri/jsx';
import 'okaeri';
import 'okaeri/directory.js';
import 'okaeri/signup-form.js';
import { useState } from 'react';

export function App({ getToken }: { getToken: () => Promise<string> }) {
  const [selected, setSelected] = useState<string>();
  const [joined, setJoined] = useState(false);
  return (
    <okaeri-config baseUrl="https://alumni-api.example.co.jp" getToken={getToken} lang="ja" paths={{ meta: '/alumni/meta' }}>
      <okaeri-directory layout="list" syncUrl onokaeri-directory-select={(event) => setSelected(event.detail.id)} />
      <okaeri-signup-form hideFields="phone" onokaeri-signup-success={(event) => setJoined(event.detail.id.length > 0)} />
      <p>{selected ?? ''}{joined ? '✓' : ''}</p>
    </okaeri-config>
  );
}
