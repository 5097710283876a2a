import { LightningElement } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import QR_CODE_GENERATOR from '@salesforce/resourceUrl/QrCodeGenerator';
import getShareKit from '@salesforce/apex/ShareKitController.getShareKit';
import { formatLabel, formatNumber } from 'c/localization';
import TITLE from '@salesforce/label/c.Portal_Link_Title';
import LOADING from '@salesforce/label/c.Portal_Link_Loading';
import LOAD_FAILED from '@salesforce/label/c.Portal_Link_Load_Failed';
import PERSONAL from '@salesforce/label/c.Portal_Link_Personal';
import CODE from '@salesforce/label/c.Portal_Link_Code';
import COPY from '@salesforce/label/c.Portal_Link_Copy';
import SHARE from '@salesforce/label/c.Portal_Link_Share';
import COPIED from '@salesforce/label/c.Portal_Link_Copied';
import COPY_FAILED from '@salesforce/label/c.Portal_Link_Copy_Failed';
import MAIL_SUBJECT from '@salesforce/label/c.Portal_Link_Mail_Subject';
import NO_LINK from '@salesforce/label/c.Portal_Share_No_Link';
import NOT_JOINED from '@salesforce/label/c.Portal_Share_Not_Joined';
import REVOKED from '@salesforce/label/c.Portal_Share_Revoked';
import NO_ADDRESS from '@salesforce/label/c.Portal_Share_No_Address';
import CLICKS from '@salesforce/label/c.Portal_Share_Clicks';
import SIGNUPS from '@salesforce/label/c.Portal_Share_Signups';
import STATS_NOTE from '@salesforce/label/c.Portal_Share_Stats_Note';
import EMAIL_HEADING from '@salesforce/label/c.Portal_Share_Email_Heading';
import EMAIL_SUBJECT from '@salesforce/label/c.Portal_Share_Email_Subject';
import EMAIL_MESSAGE from '@salesforce/label/c.Portal_Share_Email_Message';
import EMAIL_HELP from '@salesforce/label/c.Portal_Share_Email_Help';
import EMAIL_OPEN from '@salesforce/label/c.Portal_Share_Email_Open';
import EMAIL_TEXT from '@salesforce/label/c.Portal_Share_Email_Text';
import EMAIL_SIGNATURE from '@salesforce/label/c.Portal_Share_Email_Signature';
import EMAIL_EMPTY from '@salesforce/label/c.Portal_Share_Email_Empty';
import EMAIL_NO_LINK from '@salesforce/label/c.Portal_Share_Email_No_Link';
import EMAIL_OPENED from '@salesforce/label/c.Portal_Share_Email_Opened';
import SOCIAL_HEADING from '@salesforce/label/c.Portal_Share_Social_Heading';
import SOCIAL_TEXT from '@salesforce/label/c.Portal_Share_Social_Text';
import ON_LINKEDIN from '@salesforce/label/c.Portal_Share_On_LinkedIn';
import ON_X from '@salesforce/label/c.Portal_Share_On_X';
import ON_WHATSAPP from '@salesforce/label/c.Portal_Share_On_WhatsApp';
import NEW_WINDOW from '@salesforce/label/c.Portal_Share_New_Window';
import QR_HEADING from '@salesforce/label/c.Portal_Share_QR_Heading';
import QR_ALT from '@salesforce/label/c.Portal_Share_QR_Alt';
import QR_LOADING from '@salesforce/label/c.Portal_Share_QR_Loading';
import QR_FAILED from '@salesforce/label/c.Portal_Share_QR_Failed';
import QR_PNG from '@salesforce/label/c.Portal_Share_QR_PNG';
import QR_SVG from '@salesforce/label/c.Portal_Share_QR_SVG';
import QR_PNG_FAILED from '@salesforce/label/c.Portal_Share_QR_PNG_Failed';
import QR_DOWNLOADED from '@salesforce/label/c.Portal_Share_QR_Downloaded';

export const COPIED_MESSAGE = COPIED;
export const COPY_FAILED_MESSAGE = COPY_FAILED;

/** ShareKitController.ShareKit */
export interface ShareKit {
  state: 'READY' | 'NO_LINK' | 'NOT_JOINED' | 'REVOKED' | 'NO_ADDRESS';
  referralLink: string | null;
  referralCode: string | null;
  firstName: string | null;
  programName: string | null;
  offerHeadline: string | null;
  clicks: number;
  signups: number;
}

/** The sentence each state that cannot share shows instead of the kit. */
export const STATE_MESSAGES: Record<Exclude<ShareKit['state'], 'READY'>, string> = {
  NO_LINK,
  NOT_JOINED,
  REVOKED,
  NO_ADDRESS
};

/** The part of qrcode-generator's QR code object used here (dist/qrcode.d.ts of the package). */
export interface QrCode {
  addData(data: string, mode?: string): void;
  make(): void;
  getModuleCount(): number;
  isDark(row: number, col: number): boolean;
}

/** qrcode-generator's factory (window.qrcode once the static resource has run). */
export type QrFactory = (typeNumber: number, errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H') => QrCode;

/** The library's file in the static resource (a folder holding the package's dist/qrcode.js). */
export const QR_FILE = `${QR_CODE_GENERATOR}/qrcode.js`;

/** Modules of white border around the code, as the QR standard asks (quiet zone). */
export const QUIET_ZONE = 4;

let loading: Promise<QrFactory> | undefined;

/**
 * Loads qrcode-generator once per page.
 * @throws Error with a sentence when the resource loads but defines no qrcode
 */
export function loadQrLibrary(component: unknown): Promise<QrFactory> {
  loading ??= loadScript(component, QR_FILE).then(() => {
    const factory = (globalThis as unknown as { qrcode?: QrFactory }).qrcode;
    if (typeof factory !== 'function') throw new Error(QR_FAILED);
    return factory;
  });
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** For tests: forget the loaded library. */
export function resetQrLibrary(): void {
  loading = undefined;
}

/** A QR code as drawable data: its side in modules (quiet zone included) and its dark modules. */
export interface QrImage {
  size: number;
  dark: Array<[number, number]>;
  path: string;
}

/**
 * Encodes the text (error correction M, the smallest version that fits) and returns the dark
 * modules, offset by the quiet zone, and one SVG path drawing them as unit squares.
 */
export function qrImage(factory: QrFactory, text: string): QrImage {
  const qr = factory(0, 'M');
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  const dark: Array<[number, number]> = [];
  const parts: string[] = [];
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) {
        dark.push([col + QUIET_ZONE, row + QUIET_ZONE]);
        parts.push(`M${col + QUIET_ZONE} ${row + QUIET_ZONE}h1v1h-1z`);
      }
    }
  }
  return { size: count + 2 * QUIET_ZONE, dark, path: parts.join('') };
}

/** A standalone SVG file of the code, black on white, `scale` pixels per module. */
export function svgDocument(image: QrImage, scale = 10): string {
  const side = image.size * scale;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${side}" height="${side}" ` +
    `viewBox="0 0 ${image.size} ${image.size}" shape-rendering="crispEdges">` +
    `<rect width="${image.size}" height="${image.size}" fill="#ffffff"/>` +
    `<path d="${image.path}" fill="#000000"/></svg>`
  );
}

/**
 * Draws the code on a new canvas and returns it as a PNG data URL, or null when the browser
 * cannot draw (no 2D context).
 */
export function pngDataUrl(image: QrImage, scale = 10): string | null {
  const canvas = document.createElement('canvas');
  canvas.width = image.size * scale;
  canvas.height = image.size * scale;
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = canvas.getContext('2d');
  } catch {
    context = null;
  }
  if (!context) return null;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#000000';
  for (const [x, y] of image.dark) context.fillRect(x * scale, y * scale, scale, scale);
  return canvas.toDataURL('image/png');
}

/** The plain https share intents of LinkedIn, X and WhatsApp, every parameter encoded. */
export function shareIntents(
  link: string,
  text: string
): { linkedIn: string; x: string; whatsApp: string } {
  const url = encodeURIComponent(link);
  return {
    linkedIn: `https://www.linkedin.com/sharing/share-offsite/?url=${url}`,
    x: `https://x.com/intent/tweet?text=${encodeURIComponent(text)}&url=${url}`,
    whatsApp: `https://wa.me/?text=${encodeURIComponent(`${text} ${link}`)}`
  };
}

/** A mailto: address with no recipient (the advocate picks one) and the encoded subject and body. */
export function mailtoUrl(subject: string, body: string): string {
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

/**
 * Portal: the share kit of the signed-in advocate. The personal link to copy (clipboard API, then
 * a selection fallback, announced in a live region), an editable prefilled email opened in the
 * advocate's own email app (mailto: the package sends nothing), LinkedIn, X and WhatsApp share
 * intents, a QR code drawn in the browser by qrcode-generator (the QrCodeGenerator static
 * resource) to download as PNG or SVG, and how often the link was opened and led to a referral.
 * A user without a link, or with a revoked one, reads a sentence instead and gets nothing to share.
 */
export default class MyReferralLink extends LightningElement {
  kit?: ShareKit;
  loading = true;
  error?: unknown;
  feedback: string | null = null;
  subject = '';
  message = '';
  qr?: QrImage;
  qrLoading = false;
  qrError: string | null = null;
  labels = {
    title: TITLE,
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    personal: PERSONAL,
    code: CODE,
    copy: COPY,
    share: SHARE,
    clicks: CLICKS,
    signups: SIGNUPS,
    statsNote: STATS_NOTE,
    emailHeading: EMAIL_HEADING,
    emailSubject: EMAIL_SUBJECT,
    emailMessage: EMAIL_MESSAGE,
    emailHelp: EMAIL_HELP,
    emailOpen: EMAIL_OPEN,
    socialHeading: SOCIAL_HEADING,
    onLinkedIn: ON_LINKEDIN,
    onX: ON_X,
    onWhatsApp: ON_WHATSAPP,
    newWindow: NEW_WINDOW,
    qrHeading: QR_HEADING,
    qrLoading: QR_LOADING,
    qrPng: QR_PNG,
    qrSvg: QR_SVG
  };

  override connectedCallback(): void {
    this.load();
  }

  async load(): Promise<void> {
    try {
      this.kit = (await getShareKit()) as ShareKit;
      if (this.kit.state === 'READY') {
        this.subject = this.kit.offerHeadline || MAIL_SUBJECT;
        this.message = this.defaultMessage();
      }
    } catch (error) {
      this.error = error;
    } finally {
      this.loading = false;
    }
    if (this.canShareLink) await this.drawQr();
  }

  async drawQr(): Promise<void> {
    this.qrLoading = true;
    this.qrError = null;
    try {
      const factory = await loadQrLibrary(this);
      this.qr = qrImage(factory, this.link);
    } catch {
      this.qrError = QR_FAILED;
    } finally {
      this.qrLoading = false;
    }
  }

  get link(): string {
    return this.kit?.referralLink ?? '';
  }

  get canShareLink(): boolean {
    return this.kit?.state === 'READY' && !!this.kit.referralLink;
  }

  get stateMessage(): string | null {
    const state = this.kit?.state;
    if (!state || state === 'READY') return null;
    return STATE_MESSAGES[state] ?? null;
  }

  get showCode(): boolean {
    return !!this.kit?.referralCode && this.kit.state !== 'NO_LINK';
  }

  get showStats(): boolean {
    return !!this.kit && this.kit.state !== 'NO_LINK';
  }

  get clicksText(): string {
    return formatNumber(this.kit?.clicks ?? 0);
  }

  get signupsText(): string {
    return formatNumber(this.kit?.signups ?? 0);
  }

  /** What the advocate recommends: the offer, else the program's name. */
  get recommended(): string {
    return this.kit?.programName || this.kit?.offerHeadline || '';
  }

  defaultMessage(): string {
    const text = formatLabel(EMAIL_TEXT, this.recommended, this.link);
    const name = this.kit?.firstName;
    return name ? `${text}\n\n${formatLabel(EMAIL_SIGNATURE, name)}` : text;
  }

  /** The sentence saying why the email cannot open yet, or null. */
  get emailProblem(): string | null {
    if (!this.message.trim()) return EMAIL_EMPTY;
    if (!this.message.includes(this.link)) return EMAIL_NO_LINK;
    return null;
  }

  get mailto(): string {
    return mailtoUrl(this.subject.trim() || MAIL_SUBJECT, this.message);
  }

  get intents(): { linkedIn: string; x: string; whatsApp: string } {
    return shareIntents(this.link, formatLabel(SOCIAL_TEXT, this.recommended));
  }

  get qrAlt(): string {
    return formatLabel(QR_ALT, this.link);
  }

  get qrViewBox(): string {
    return this.qr ? `0 0 ${this.qr.size} ${this.qr.size}` : '0 0 0 0';
  }

  get qrSize(): string {
    return String(this.qr?.size ?? 0);
  }

  get canNativeShare(): boolean {
    return typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  }

  handleSubjectChange(event: CustomEvent<{ value?: string }>): void {
    this.subject = event.detail.value ?? '';
  }

  handleMessageChange(event: CustomEvent<{ value?: string }>): void {
    this.message = event.detail.value ?? '';
  }

  handleEmailOpened(): void {
    this.feedback = EMAIL_OPENED;
  }

  async handleCopy(): Promise<void> {
    const link = this.link;
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(link);
        this.feedback = COPIED_MESSAGE;
        return;
      }
    } catch {
      // fall through to the selection fallback (older browsers, iframes without permission)
    }
    this.feedback = this.copyBySelection() ? COPIED_MESSAGE : COPY_FAILED_MESSAGE;
  }

  copyBySelection(): boolean {
    const input = this.template?.querySelector('input.link') as HTMLInputElement | null;
    if (!input) return false;
    input.focus();
    input.select();
    try {
      return typeof document.execCommand === 'function' && document.execCommand('copy');
    } catch {
      return false;
    }
  }

  async handleShare(): Promise<void> {
    try {
      await navigator.share({ title: this.subject || MAIL_SUBJECT, url: this.link });
    } catch {
      // the person closed the share sheet: nothing to report
    }
  }

  handleDownloadSvg(): void {
    if (!this.qr) return;
    const blob = new Blob([svgDocument(this.qr)], { type: 'image/svg+xml' });
    const url = URL.createObjectURL(blob);
    this.download(url, 'svg');
    URL.revokeObjectURL(url);
  }

  handleDownloadPng(): void {
    if (!this.qr) return;
    const url = pngDataUrl(this.qr);
    if (!url) {
      this.feedback = QR_PNG_FAILED;
      return;
    }
    this.download(url, 'png');
  }

  download(url: string, extension: 'png' | 'svg'): void {
    const anchor = document.createElement('a');
    anchor.href = url;
    // labels-gate: not text (a file name made of the code)
    anchor.download = `referral-qr-${this.kit?.referralCode ?? 'link'}.${extension}`;
    anchor.click();
    this.feedback = QR_DOWNLOADED;
  }
}
