// React 18: the @lit/react wrappers from okaeri/react.js (React 18 would set attributes and miss
// custom events). The README's "React 18" snippet.
import { OkaeriConfig, OkaeriDirectory, OkaeriSignupForm } from 'okaeri/react.js';
import { useState } from 'react';

export function App({ getToken }: { getToken: () => Promise<string> }) {
  const [selected, setSelected] = useState<string>();
  return (
    <OkaeriConfig baseUrl="https://alumni-api.example.co.jp" getToken={getToken} lang="ja">
      <OkaeriDirectory layout="list" onOkaeriDirectorySelect={(event) => setSelected(event.detail.id)} />
      <OkaeriSignupForm onOkaeriSignupError={(event) => console.warn(event.detail.kind)} />
      <p>{selected}</p>
    </OkaeriConfig>
  );
}
