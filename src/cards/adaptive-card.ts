// The subset of the Adaptive Card 1.5 schema that phonedesk's builders produce.
// Kept as plain JSON types so that builders stay pure and cards can be validated in tests.

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'Default' | 'Lighter' | 'Bolder';
  size?: 'Default' | 'Small' | 'Medium' | 'Large' | 'ExtraLarge';
  color?: 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
  separator?: boolean;
  fontType?: 'Default' | 'Monospace';
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet {
  type: 'FactSet';
  facts: Fact[];
}

/** Data carried by a button: the verb and ids only, never state to trust. */
export type ActionData = Record<string, string | number | boolean>;

export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: ActionData;
  style?: 'default' | 'positive' | 'destructive';
  /** For clients without Universal Actions (Action.Submit carries the verb in data). */
  fallback?: SubmitAction;
}

interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: ActionData;
  style?: 'default' | 'positive' | 'destructive';
}

/** Opens a link in the browser: only the requester's one-time badge PDF. */
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

export type CardAction = ExecuteAction | SubmitAction | OpenUrlAction;

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  separator?: boolean;
  spacing?: TextBlock['spacing'];
}

/** A picture from a data URI: only a secret's QR code, and only on its delivery card to the requester. */
export interface Image {
  type: 'Image';
  url: string;
  altText: string;
  width?: string;
  horizontalAlignment?: 'Left' | 'Center' | 'Right';
}

/** A column of a ColumnSet: text side by side. */
export interface Column {
  type: 'Column';
  items: CardElement[];
  width?: 'auto' | 'stretch';
  verticalContentAlignment?: 'Top' | 'Center' | 'Bottom';
}

export interface ColumnSet {
  type: 'ColumnSet';
  columns: Column[];
  separator?: boolean;
  spacing?: TextBlock['spacing'];
}

/** A text box. Action.Execute merges its value into the button's data under `id`: untrusted, like all card data. */
interface InputText {
  type: 'Input.Text';
  id: string;
  label?: string;
  placeholder?: string;
  maxLength?: number;
  isMultiline?: boolean;
}

export type CardElement = TextBlock | FactSet | ActionSet | Container | ColumnSet | InputText | Image;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  version: '1.5';
  body: CardElement[];
  actions?: CardAction[];
  /** Teams refreshes the card for these users (MRIs, at most 60) with this action. */
  refresh?: { action: ExecuteAction; userIds: string[] };
}

export function adaptiveCard(
  body: CardElement[],
  extra: Partial<Pick<AdaptiveCard, 'actions' | 'refresh'>> = {},
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...extra,
  };
}

/** An Action.Execute with an Action.Submit fallback carrying the same verb, for channels without Universal Actions. */
export function executeAction(
  title: string,
  verb: string,
  data: ActionData,
  style?: ExecuteAction['style'],
): ExecuteAction {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...(style && { style }),
    fallback: { type: 'Action.Submit', title, data: { ...data, verb }, ...(style && { style }) },
  };
}
