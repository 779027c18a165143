import { Button } from '@web/ui/button';
import { ImageIcon, Trash2Icon, UploadIcon } from 'lucide-react';
import { useId, useRef, useState } from 'react';

const ACCEPTED = ['image/png', 'image/jpeg', 'image/svg+xml', 'image/webp'];
const MAX_BYTES = 256 * 1024;

interface LogoFieldProps {
  value: string | null;
  onChange: (dataUrl: string | null) => void;
  disabled?: boolean;
  /** From the server: the bytes did not match the type, or an SVG carried a script. */
  error?: string;
}

/** Reads the chosen file into a data URL and previews it; the server validates the bytes again. */
export function LogoField({ value, onChange, disabled, error }: LogoFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const [localError, setLocalError] = useState<string>();
  const id = useId();
  const shownError = localError ?? error;

  const choose = (file: File | undefined) => {
    if (!file) return;
    if (!ACCEPTED.includes(file.type)) return setLocalError('Choose a PNG, JPEG, SVG or WebP image.');
    if (file.size > MAX_BYTES) {
      return setLocalError(`The image is ${Math.ceil(file.size / 1024)} KB; the limit is 256 KB.`);
    }
    const reader = new FileReader();
    reader.onload = () => {
      setLocalError(undefined);
      onChange(typeof reader.result === 'string' ? reader.result : null);
    };
    reader.onerror = () => setLocalError('The file could not be read.');
    reader.readAsDataURL(file);
  };

  return (
    <div className="flex flex-col gap-1.5">
      <span id={`${id}-label`} className="font-medium text-sm leading-none">
        Logo
      </span>
      <div className="flex items-center gap-4">
        <div className="flex size-16 shrink-0 items-center justify-center overflow-hidden rounded-lg border bg-muted/40">
          {value ? (
            <img src={value} alt="Logo preview" className="size-full object-contain" />
          ) : (
            <ImageIcon className="size-6 text-muted-foreground" aria-hidden="true" />
          )}
        </div>
        {!disabled && (
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" size="sm" onClick={() => input.current?.click()}>
              <UploadIcon aria-hidden="true" />
              {value ? 'Replace' : 'Upload'}
            </Button>
            {value && (
              <Button variant="ghost" size="sm" onClick={() => onChange(null)}>
                <Trash2Icon aria-hidden="true" />
                Remove
              </Button>
            )}
            <input
              ref={input}
              type="file"
              accept={ACCEPTED.join(',')}
              aria-labelledby={`${id}-label`}
              className="sr-only"
              tabIndex={-1}
              onChange={(event) => {
                choose(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
          </div>
        )}
      </div>
      {shownError ? (
        <p className="text-destructive text-xs">{shownError}</p>
      ) : (
        <p className="text-muted-foreground text-xs">
          PNG, JPEG, SVG or WebP, up to 256 KB. Used in reports and exports.
        </p>
      )}
    </div>
  );
}
