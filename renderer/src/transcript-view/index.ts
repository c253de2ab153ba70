export { transcriptView, viewModeExtension, viewModeOf, rememberedViewMode, openingViewMode, setViewMode, toggleViewMode, viewModeCompartment, type EditorViewMode } from './view-mode';
export { structureNotice } from './guard';
export { plainTextOf } from './plain-text';
