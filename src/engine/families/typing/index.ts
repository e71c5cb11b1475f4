// The typing family: missing annotations and legacy typing spellings (rules/typing/).
import type { FamilyPackage } from '../../checks/context';
import { createFunctionalNamedtuple } from './checks/functional-namedtuple';
import { createFunctionalTypeddict } from './checks/functional-typeddict';
import { createFutureAnnotationsRequired } from './checks/future-annotations-required';
import { createImplicitOptional } from './checks/implicit-optional';
import { createMissingParameterAnnotation } from './checks/missing-parameter-annotation';
import { createMissingPrivateParameterAnnotation } from './checks/missing-private-parameter-annotation';
import { createMissingPrivateReturnAnnotation } from './checks/missing-private-return-annotation';
import { createMissingReturnAnnotation } from './checks/missing-return-annotation';
import { createMissingSpecialMethodReturnAnnotation } from './checks/missing-special-method-return-annotation';
import { createMissingStarArgsAnnotation } from './checks/missing-star-args-annotation';
import { createMovedImport } from './checks/moved-import';
import { createQuotedAnnotation } from './checks/quoted-annotation';
import { createTypeComment } from './checks/type-comment';
import { createTypealiasAnnotation } from './checks/typealias-annotation';
import { createTypevarGenericClass } from './checks/typevar-generic-class';
import { createTypevarGenericFunction } from './checks/typevar-generic-function';
import { createTypingAbcImport } from './checks/typing-abc-import';
import { createTypingExtensionsImport } from './checks/typing-extensions-import';
import { createTypingGenericAlias } from './checks/typing-generic-alias';
import { createTypingOptional } from './checks/typing-optional';
import { createTypingText } from './checks/typing-text';
import { createTypingUnion } from './checks/typing-union';

export const TYPING_FAMILY: FamilyPackage = {
  name: 'typing',
  checks: {
    'functional-namedtuple': createFunctionalNamedtuple,
    'functional-typeddict': createFunctionalTypeddict,
    'future-annotations-required': createFutureAnnotationsRequired,
    'implicit-optional': createImplicitOptional,
    'missing-parameter-annotation': createMissingParameterAnnotation,
    'missing-private-parameter-annotation': createMissingPrivateParameterAnnotation,
    'missing-private-return-annotation': createMissingPrivateReturnAnnotation,
    'missing-return-annotation': createMissingReturnAnnotation,
    'missing-special-method-return-annotation': createMissingSpecialMethodReturnAnnotation,
    'missing-star-args-annotation': createMissingStarArgsAnnotation,
    'moved-import': createMovedImport,
    'quoted-annotation': createQuotedAnnotation,
    'type-comment': createTypeComment,
    'typealias-annotation': createTypealiasAnnotation,
    'typevar-generic-class': createTypevarGenericClass,
    'typevar-generic-function': createTypevarGenericFunction,
    'typing-abc-import': createTypingAbcImport,
    'typing-extensions-import': createTypingExtensionsImport,
    'typing-generic-alias': createTypingGenericAlias,
    'typing-optional': createTypingOptional,
    'typing-text': createTypingText,
    'typing-union': createTypingUnion,
  },
};
