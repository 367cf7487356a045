import { useId, useState, type ChangeEvent } from 'react';
import { CONFIG_IMPORT_MAX_CHARS, type ConfigImportResult } from '../../../../shared/settings';
import { softphone, unwrap } from '../../api/softphoneClient';
import { useLive } from '../../state/liveStore';
import { alertFrom } from './useSettings';

/** The browser saves what main exported: a download of a Blob, named as main suggests. */
function download(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Export and import of the configuration file, without secrets either way. */
export function ConfigFile() {
  const ids = { title: useId(), file: useId(), fileHelp: useId() };
  const [result, setResult] = useState<ConfigImportResult | { readError: string } | undefined>();
  const [exported, setExported] = useState('');
  const alert = useLive((s) => s.alert);

  const exportFile = async (): Promise<void> => {
    try {
      const file = await unwrap(softphone['settings.export']({}));
      download(file.fileName, file.text);
      setExported(`Exported as ${file.fileName}.`);
    } catch (error) {
      alert(alertFrom(error));
    }
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const input = event.target;
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (file.size > CONFIG_IMPORT_MAX_CHARS) {
        setResult({ readError: `${file.name} is larger than a configuration file can be (${CONFIG_IMPORT_MAX_CHARS / 1000} kB).` });
        return;
      }
      setResult(await unwrap(softphone['settings.import']({ text: await file.text() })));
    } catch (error) {
      alert(alertFrom(error));
    } finally {
      // The same file can be chosen again after it was fixed.
      input.value = '';
    }
  };

  return (
    <section className="settings__section" aria-labelledby={ids.title}>
      <h3 id={ids.title}>Configuration file</h3>
      <p className="help">
        The file has the format of the <code>--config</code> file. It never holds secrets: passwords and keys entered here stay encrypted on this
        computer and are left out; environment variable names are kept.
      </p>
      <div className="form-actions">
        <button type="button" onClick={() => void exportFile()}>
          Export configuration
        </button>
        <span className="help" role="status">
          {exported}
        </span>
      </div>
      <div className="field">
        <label htmlFor={ids.file}>Import a configuration file</label>
        <input id={ids.file} type="file" accept=".json,application/json" aria-describedby={ids.fileHelp} onChange={(event) => void importFile(event)} />
        <small id={ids.fileHelp} className="help">
          Its profiles join yours (one with the same id is replaced); a provisioned profile may appear in it only unchanged. Enter their secrets
          afterwards.
        </small>
      </div>
      <ImportOutcome result={result} />
    </section>
  );
}

function ImportOutcome({ result }: { result: ConfigImportResult | { readError: string } | undefined }) {
  if (!result) return null;
  if ('readError' in result) return <p role="alert">{result.readError}</p>;
  if (!result.imported) {
    return (
      <div role="alert" className="form-problems">
        <p>Nothing was imported: the file is not a valid configuration.</p>
        <ul>
          {result.problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      </div>
    );
  }
  const parts = [
    result.added.length > 0 ? `added ${result.added.join(', ')}` : '',
    result.replaced.length > 0 ? `replaced ${result.replaced.join(', ')}` : '',
    result.unchanged.length > 0 ? `already provisioned: ${result.unchanged.join(', ')}` : '',
    result.defaultCountry ? `default country ${result.defaultCountry}` : '',
  ].filter(Boolean);
  return <p role="status">Imported: {parts.length > 0 ? parts.join('; ') : 'nothing new'}.</p>;
}
