// The Kontor mark: a white receipt with a K on a deep teal tile, underlined in gold (from icons/kontor-icon.svg).
type Props = { size?: number };

export function KontorMark({ size = 32 }: Props) {
  return (
    <svg className="kontor-mark" width={size} height={size} viewBox="64 64 896 896" aria-hidden="true" focusable="false">
      <rect x="64" y="64" width="896" height="896" rx="200" fill="#1d4e63" />
      <path
        d="M300 200 H724 V800 l-53 -36 l-53 36 l-53 -36 l-53 36 l-53 -36 l-53 36 l-53 -36 l-53 36 Z"
        fill="#ffffff"
      />
      <path
        d="M395 300 V640 M395 470 L560 300 M430 440 L580 640"
        stroke="#1d4e63"
        strokeWidth="64"
        strokeLinecap="round"
        strokeLinejoin="round"
        fill="none"
      />
      <rect x="360" y="690" width="304" height="22" rx="11" fill="#e0a23a" />
    </svg>
  );
}
